CREATE TABLE `hq_webhook_deliveries` (
	`delivery_id` text PRIMARY KEY NOT NULL,
	`event` text NOT NULL,
	`body` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_at` text NOT NULL,
	`created_at` text NOT NULL,
	`last_error` text,
	`endpoint_id` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `hq_webhook_deliveries_due` ON `hq_webhook_deliveries` (`endpoint_id`,`next_at`);--> statement-breakpoint
CREATE TABLE `hq_webhook_endpoints` (
	`id` text PRIMARY KEY NOT NULL,
	`url` text NOT NULL,
	`events` text NOT NULL,
	`secret` text NOT NULL,
	`status` text NOT NULL,
	`parked_reason` text,
	`parked_at` text,
	`created_at` text NOT NULL
);
