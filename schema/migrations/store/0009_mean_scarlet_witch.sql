CREATE TABLE `notification_outbox` (
	`delivery_id` text PRIMARY KEY NOT NULL,
	`event` text NOT NULL,
	`body` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_at` text NOT NULL,
	`created_at` text NOT NULL,
	`last_error` text
);
--> statement-breakpoint
CREATE INDEX `notification_outbox_next_at` ON `notification_outbox` (`next_at`);