CREATE TABLE `earning_reversals` (
	`return_id` text PRIMARY KEY NOT NULL,
	`sale_id` text NOT NULL,
	`card` text NOT NULL,
	`sale_total_minor` integer NOT NULL,
	`refunded_before_minor` integer NOT NULL,
	`refund_minor` integer NOT NULL,
	`status` text NOT NULL,
	`points` integer,
	`shortfall` integer,
	`at` text NOT NULL,
	`last_error` text
);
--> statement-breakpoint
CREATE INDEX `earning_reversals_sale` ON `earning_reversals` (`sale_id`);--> statement-breakpoint
CREATE INDEX `earning_reversals_status` ON `earning_reversals` (`status`);--> statement-breakpoint
CREATE TABLE `custom_tenders` (
	`id` text PRIMARY KEY NOT NULL,
	`body` text NOT NULL,
	`active` integer NOT NULL,
	`updated_at` text NOT NULL
);
