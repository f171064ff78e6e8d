CREATE TABLE `hq_orders` (
	`id` text PRIMARY KEY NOT NULL,
	`store_id` text NOT NULL,
	`number` integer,
	`status` text NOT NULL,
	`customer_id` text,
	`slot_date` text,
	`total_minor` integer NOT NULL,
	`balance_due_minor` integer NOT NULL,
	`request_hash` text,
	`snapshot` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `hq_orders_store_status` ON `hq_orders` (`store_id`,`status`);--> statement-breakpoint
CREATE INDEX `hq_orders_slot_date` ON `hq_orders` (`slot_date`);