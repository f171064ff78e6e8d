CREATE TABLE `purchase_order_lines` (
	`order_id` text NOT NULL,
	`line_no` integer NOT NULL,
	`product_code` text NOT NULL,
	`ordered_milli` integer NOT NULL,
	`cost_minor` integer NOT NULL,
	`received_milli` integer NOT NULL,
	PRIMARY KEY(`order_id`, `line_no`)
);
--> statement-breakpoint
CREATE INDEX `purchase_order_lines_product` ON `purchase_order_lines` (`product_code`);--> statement-breakpoint
CREATE TABLE `purchase_orders` (
	`id` text PRIMARY KEY NOT NULL,
	`number` integer NOT NULL,
	`vendor_id` text NOT NULL,
	`status` text NOT NULL,
	`expected_at` text,
	`note` text,
	`user_id` text,
	`created_at` text NOT NULL,
	`sent_at` text,
	`closed_at` text,
	`request` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `purchase_orders_number` ON `purchase_orders` (`number`);--> statement-breakpoint
CREATE INDEX `purchase_orders_vendor` ON `purchase_orders` (`vendor_id`);--> statement-breakpoint
CREATE TABLE `purchase_receipt_lines` (
	`receipt_id` text NOT NULL,
	`line_no` integer NOT NULL,
	`product_code` text NOT NULL,
	`open_milli` integer,
	`received_milli` integer NOT NULL,
	`cost_minor` integer NOT NULL,
	`landed_minor` integer NOT NULL,
	`unit_cost_minor` integer NOT NULL,
	PRIMARY KEY(`receipt_id`, `line_no`)
);
--> statement-breakpoint
CREATE INDEX `purchase_receipt_lines_product` ON `purchase_receipt_lines` (`product_code`);--> statement-breakpoint
CREATE TABLE `purchase_receipts` (
	`id` text PRIMARY KEY NOT NULL,
	`order_id` text,
	`vendor_id` text NOT NULL,
	`invoice_number` text,
	`invoice_date` text,
	`landed_cost_minor` integer NOT NULL,
	`received_at` text NOT NULL,
	`user_id` text,
	`request` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `purchase_receipts_order` ON `purchase_receipts` (`order_id`);--> statement-breakpoint
CREATE INDEX `purchase_receipts_vendor` ON `purchase_receipts` (`vendor_id`);--> statement-breakpoint
CREATE TABLE `vendor_credit_lines` (
	`credit_id` text NOT NULL,
	`line_no` integer NOT NULL,
	`product_code` text NOT NULL,
	`qty_milli` integer NOT NULL,
	`reason` text NOT NULL,
	`amount_minor` integer NOT NULL,
	PRIMARY KEY(`credit_id`, `line_no`)
);
--> statement-breakpoint
CREATE TABLE `vendor_credits` (
	`id` text PRIMARY KEY NOT NULL,
	`number` integer NOT NULL,
	`vendor_id` text NOT NULL,
	`receipt_id` text,
	`status` text NOT NULL,
	`total_minor` integer NOT NULL,
	`note` text,
	`user_id` text,
	`created_at` text NOT NULL,
	`settled_at` text,
	`settled_by` text,
	`settlement_ref` text,
	`request` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `vendor_credits_number` ON `vendor_credits` (`number`);--> statement-breakpoint
CREATE INDEX `vendor_credits_vendor` ON `vendor_credits` (`vendor_id`);--> statement-breakpoint
CREATE TABLE `vendor_item_costs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`vendor_id` text NOT NULL,
	`product_code` text NOT NULL,
	`cost_minor` integer NOT NULL,
	`previous_cost_minor` integer,
	`source` text NOT NULL,
	`ref_id` text,
	`at` text NOT NULL,
	`user_id` text
);
--> statement-breakpoint
CREATE INDEX `vendor_item_costs_item` ON `vendor_item_costs` (`vendor_id`,`product_code`,`id`);--> statement-breakpoint
CREATE TABLE `vendor_items` (
	`vendor_id` text NOT NULL,
	`product_code` text NOT NULL,
	`vendor_code` text,
	`case_size_milli` integer,
	`cost_minor` integer NOT NULL,
	`lead_time_days` integer,
	`min_order_milli` integer,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`vendor_id`, `product_code`)
);
--> statement-breakpoint
CREATE INDEX `vendor_items_product` ON `vendor_items` (`product_code`);--> statement-breakpoint
CREATE TABLE `vendors` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`contacts` text NOT NULL,
	`payment_terms` text,
	`payment_types` text NOT NULL,
	`email` text,
	`phone` text,
	`note` text,
	`active` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
