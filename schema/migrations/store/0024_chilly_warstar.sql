CREATE TABLE `card_refunds` (
	`id` text PRIMARY KEY NOT NULL,
	`return_id` text NOT NULL,
	`redemption_id` text NOT NULL,
	`sale_id` text NOT NULL,
	`card` text NOT NULL,
	`unit` text NOT NULL,
	`amount` integer NOT NULL,
	`value_minor` integer NOT NULL,
	`status` text NOT NULL,
	`at` text NOT NULL,
	`last_error` text
);
--> statement-breakpoint
CREATE INDEX `card_refunds_redemption` ON `card_refunds` (`redemption_id`);--> statement-breakpoint
CREATE INDEX `card_refunds_status` ON `card_refunds` (`status`);