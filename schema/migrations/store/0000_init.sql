CREATE TABLE `api_tokens` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`user_id` text,
	`till_id` text,
	`created_at` text NOT NULL,
	`revoked_at` text
);
--> statement-breakpoint
CREATE TABLE `audit` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`action` text NOT NULL,
	`user_id` text,
	`till_id` text,
	`approved_by` text,
	`ref_id` text,
	`detail` text
);
--> statement-breakpoint
CREATE INDEX `audit_user_at` ON `audit` (`user_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_at` ON `audit` (`at`);--> statement-breakpoint
CREATE TABLE `barcodes` (
	`barcode` text PRIMARY KEY NOT NULL,
	`product_code` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `barcodes_product` ON `barcodes` (`product_code`);--> statement-breakpoint
CREATE TABLE `cash_movements` (
	`id` text PRIMARY KEY NOT NULL,
	`shift_id` text NOT NULL,
	`kind` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`reason` text NOT NULL,
	`user_id` text NOT NULL,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `counters` (
	`name` text PRIMARY KEY NOT NULL,
	`value` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `departments` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`tax_class` text,
	`change_seq` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `events` (
	`seq` integer PRIMARY KEY NOT NULL,
	`id` text NOT NULL,
	`type` text NOT NULL,
	`version` integer NOT NULL,
	`at` text NOT NULL,
	`payload` text NOT NULL,
	`prev_hash` text,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `events_id` ON `events` (`id`);--> statement-breakpoint
CREATE TABLE `held_sales` (
	`id` text PRIMARY KEY NOT NULL,
	`till_id` text NOT NULL,
	`cashier_id` text,
	`label` text,
	`held_at` text NOT NULL,
	`basket` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `products` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`price_minor` integer NOT NULL,
	`tax_class` text,
	`department` text,
	`sold_by_weight` integer DEFAULT false NOT NULL,
	`open_price` integer DEFAULT false NOT NULL,
	`cost_minor` integer,
	`unit` text DEFAULT 'each' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`change_seq` integer NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `products_change_seq` ON `products` (`change_seq`);--> statement-breakpoint
CREATE INDEX `products_name` ON `products` (`name`);--> statement-breakpoint
CREATE TABLE `return_lines` (
	`return_id` text NOT NULL,
	`line_no` integer NOT NULL,
	`original_line_no` integer,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`department` text,
	`tax_class` text,
	`qty_milli` integer NOT NULL,
	`unit_price_minor` integer NOT NULL,
	`extended_minor` integer NOT NULL,
	`discount_minor` integer NOT NULL,
	`tax_minor` integer NOT NULL,
	`total_minor` integer NOT NULL,
	PRIMARY KEY(`return_id`, `line_no`)
);
--> statement-breakpoint
CREATE TABLE `returns` (
	`id` text PRIMARY KEY NOT NULL,
	`receipt_no` text NOT NULL,
	`original_sale_id` text,
	`till_id` text NOT NULL,
	`cashier_id` text,
	`approved_by` text,
	`shift_id` text,
	`at` text NOT NULL,
	`day` text NOT NULL,
	`subtotal_minor` integer NOT NULL,
	`discount_minor` integer NOT NULL,
	`tax_minor` integer NOT NULL,
	`total_minor` integer NOT NULL,
	`response` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `returns_day` ON `returns` (`day`);--> statement-breakpoint
CREATE INDEX `returns_original` ON `returns` (`original_sale_id`);--> statement-breakpoint
CREATE TABLE `sale_lines` (
	`sale_id` text NOT NULL,
	`line_no` integer NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`department` text,
	`tax_class` text,
	`qty_milli` integer NOT NULL,
	`unit_price_minor` integer NOT NULL,
	`extended_minor` integer NOT NULL,
	`discount_minor` integer NOT NULL,
	`tax_minor` integer NOT NULL,
	`total_minor` integer NOT NULL,
	`returned_milli` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`sale_id`, `line_no`)
);
--> statement-breakpoint
CREATE TABLE `sale_taxes` (
	`doc_id` text NOT NULL,
	`doc_kind` text NOT NULL,
	`tax_class` text NOT NULL,
	`rate` text NOT NULL,
	`base_minor` integer NOT NULL,
	`tax_minor` integer NOT NULL,
	`day` text NOT NULL,
	PRIMARY KEY(`doc_id`, `tax_class`)
);
--> statement-breakpoint
CREATE INDEX `sale_taxes_day` ON `sale_taxes` (`day`);--> statement-breakpoint
CREATE TABLE `sales` (
	`id` text PRIMARY KEY NOT NULL,
	`receipt_no` text NOT NULL,
	`till_id` text NOT NULL,
	`cashier_id` text,
	`shift_id` text,
	`customer_id` text,
	`at` text NOT NULL,
	`day` text NOT NULL,
	`status` text NOT NULL,
	`subtotal_minor` integer NOT NULL,
	`discount_minor` integer NOT NULL,
	`tax_minor` integer NOT NULL,
	`total_minor` integer NOT NULL,
	`change_minor` integer NOT NULL,
	`cash_rounding_minor` integer NOT NULL,
	`response` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sales_receipt_no` ON `sales` (`receipt_no`);--> statement-breakpoint
CREATE INDEX `sales_day` ON `sales` (`day`);--> statement-breakpoint
CREATE INDEX `sales_at` ON `sales` (`at`);--> statement-breakpoint
CREATE TABLE `shifts` (
	`id` text PRIMARY KEY NOT NULL,
	`till_id` text NOT NULL,
	`opened_by` text NOT NULL,
	`opened_at` text NOT NULL,
	`float_minor` integer NOT NULL,
	`closed_at` text,
	`closed_by` text,
	`z_number` integer,
	`z_report` text
);
--> statement-breakpoint
CREATE INDEX `shifts_till` ON `shifts` (`till_id`,`closed_at`);--> statement-breakpoint
CREATE TABLE `stock_levels` (
	`product_code` text PRIMARY KEY NOT NULL,
	`on_hand_milli` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `stock_movements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`product_code` text NOT NULL,
	`qty_milli` integer NOT NULL,
	`kind` text NOT NULL,
	`ref_id` text,
	`reason` text,
	`user_id` text,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `stock_movements_product` ON `stock_movements` (`product_code`);--> statement-breakpoint
CREATE TABLE `tenders` (
	`doc_id` text NOT NULL,
	`idx` integer NOT NULL,
	`doc_kind` text NOT NULL,
	`type` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`day` text NOT NULL,
	`shift_id` text,
	PRIMARY KEY(`doc_id`, `idx`)
);
--> statement-breakpoint
CREATE INDEX `tenders_day` ON `tenders` (`day`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`pin_hash` text NOT NULL,
	`pin_tag` text NOT NULL,
	`failed_attempts` integer DEFAULT 0 NOT NULL,
	`locked_until` text,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL
);
