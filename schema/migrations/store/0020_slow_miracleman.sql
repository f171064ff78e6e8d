CREATE TABLE `customer_orders` (
	`id` text PRIMARY KEY NOT NULL,
	`number` integer NOT NULL,
	`status` text NOT NULL,
	`customer_id` text,
	`slot_date` text,
	`slot_from` text,
	`slot_to` text,
	`delivery` text,
	`lines` text NOT NULL,
	`prepaid` text NOT NULL,
	`total_minor` integer NOT NULL,
	`prepaid_minor` integer NOT NULL,
	`balance_due_minor` integer NOT NULL,
	`sale_id` text,
	`refunded_minor` integer DEFAULT 0 NOT NULL,
	`request_hash` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `customer_orders_number` ON `customer_orders` (`number`);--> statement-breakpoint
CREATE INDEX `customer_orders_status` ON `customer_orders` (`status`);--> statement-breakpoint
CREATE INDEX `customer_orders_slot` ON `customer_orders` (`slot_date`,`slot_from`);--> statement-breakpoint
CREATE INDEX `customer_orders_created` ON `customer_orders` (`created_at`);--> statement-breakpoint
CREATE TABLE `order_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` text NOT NULL,
	`at` text NOT NULL,
	`user_id` text,
	`till_id` text,
	`action` text NOT NULL,
	`detail` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `order_history_order` ON `order_history` (`order_id`,`id`);--> statement-breakpoint
CREATE TABLE `order_reservations` (
	`order_id` text NOT NULL,
	`product_code` text NOT NULL,
	`qty_milli` integer NOT NULL,
	PRIMARY KEY(`order_id`, `product_code`)
);
--> statement-breakpoint
CREATE INDEX `order_reservations_product` ON `order_reservations` (`product_code`);--> statement-breakpoint
CREATE TABLE `webhook_deliveries` (
	`delivery_id` text PRIMARY KEY NOT NULL,
	`endpoint_id` text NOT NULL,
	`event` text NOT NULL,
	`body` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_at` text NOT NULL,
	`created_at` text NOT NULL,
	`last_error` text
);
--> statement-breakpoint
CREATE INDEX `webhook_deliveries_due` ON `webhook_deliveries` (`endpoint_id`,`next_at`);--> statement-breakpoint
CREATE TABLE `webhook_endpoints` (
	`id` text PRIMARY KEY NOT NULL,
	`url` text NOT NULL,
	`events` text NOT NULL,
	`secret` text NOT NULL,
	`status` text NOT NULL,
	`parked_reason` text,
	`parked_at` text,
	`created_at` text NOT NULL
);
