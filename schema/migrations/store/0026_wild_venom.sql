CREATE TABLE `till_customers_outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`phone` text,
	`email` text,
	`card` text,
	`till_id` text,
	`status` text NOT NULL,
	`at` text NOT NULL,
	`last_error` text
);
--> statement-breakpoint
CREATE INDEX `till_customers_outbox_status` ON `till_customers_outbox` (`status`);