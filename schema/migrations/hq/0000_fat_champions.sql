CREATE TABLE `catalog_changes` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`store_id` text NOT NULL,
	`kind` text NOT NULL,
	`key` text NOT NULL,
	`value` text NOT NULL,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `catalog_changes_store_seq` ON `catalog_changes` (`store_id`,`seq`);--> statement-breakpoint
CREATE UNIQUE INDEX `catalog_changes_key` ON `catalog_changes` (`store_id`,`kind`,`key`);--> statement-breakpoint
CREATE TABLE `hq_api_tokens` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`scopes` text NOT NULL,
	`created_at` text NOT NULL,
	`revoked_at` text
);
--> statement-breakpoint
CREATE TABLE `hq_meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `hq_products` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`barcodes` text NOT NULL,
	`price_minor` integer NOT NULL,
	`tax_class` text,
	`department` text,
	`sold_by_weight` integer NOT NULL,
	`open_price` integer NOT NULL,
	`cost_minor` integer,
	`unit` text NOT NULL,
	`active` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `hq_products_updated` ON `hq_products` (`updated_at`);--> statement-breakpoint
CREATE TABLE `hq_users` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`pin_hash` text NOT NULL,
	`store_ids` text,
	`active` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `price_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`store_id` text,
	`price_minor` integer,
	`effective_at` text NOT NULL,
	`created_at` text NOT NULL,
	`applied_at` text
);
--> statement-breakpoint
CREATE INDEX `price_changes_due` ON `price_changes` (`applied_at`,`effective_at`);--> statement-breakpoint
CREATE INDEX `price_changes_code` ON `price_changes` (`code`);--> statement-breakpoint
CREATE TABLE `store_prices` (
	`code` text NOT NULL,
	`store_id` text NOT NULL,
	`price_minor` integer NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`code`, `store_id`)
);
--> statement-breakpoint
CREATE INDEX `store_prices_store` ON `store_prices` (`store_id`);--> statement-breakpoint
CREATE TABLE `stores` (
	`store_id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`time_zone` text NOT NULL,
	`currency` text NOT NULL,
	`nats_user` text NOT NULL,
	`nats_password_hash` text NOT NULL,
	`settings` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `dead_letters` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`store_id` text,
	`subject` text NOT NULL,
	`event_id` text,
	`seq` integer,
	`reason` text NOT NULL,
	`message` text NOT NULL,
	`data` text NOT NULL,
	`received_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `dead_letters_store` ON `dead_letters` (`store_id`,`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `dead_letters_subject_event` ON `dead_letters` (`subject`,`event_id`,`reason`);--> statement-breakpoint
CREATE TABLE `hq_return_lines` (
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
CREATE TABLE `hq_returns` (
	`id` text PRIMARY KEY NOT NULL,
	`store_id` text NOT NULL,
	`event_id` text NOT NULL,
	`receipt_no` text NOT NULL,
	`original_sale_id` text,
	`original_receipt_no` text,
	`till_id` text NOT NULL,
	`cashier_id` text,
	`approved_by` text,
	`shift_id` text,
	`customer_id` text,
	`at` text NOT NULL,
	`day` text NOT NULL,
	`currency` text NOT NULL,
	`subtotal_minor` integer NOT NULL,
	`discount_minor` integer NOT NULL,
	`tax_minor` integer NOT NULL,
	`total_minor` integer NOT NULL,
	`cash_rounding_minor` integer NOT NULL,
	`reason` text
);
--> statement-breakpoint
CREATE INDEX `hq_returns_store_day` ON `hq_returns` (`store_id`,`day`);--> statement-breakpoint
CREATE INDEX `hq_returns_original` ON `hq_returns` (`original_sale_id`);--> statement-breakpoint
CREATE TABLE `hq_sale_lines` (
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
	PRIMARY KEY(`sale_id`, `line_no`)
);
--> statement-breakpoint
CREATE TABLE `hq_sale_taxes` (
	`doc_id` text NOT NULL,
	`doc_kind` text NOT NULL,
	`store_id` text NOT NULL,
	`tax_class` text NOT NULL,
	`rate` text NOT NULL,
	`base_minor` integer NOT NULL,
	`tax_minor` integer NOT NULL,
	`day` text NOT NULL,
	PRIMARY KEY(`doc_id`, `tax_class`, `rate`)
);
--> statement-breakpoint
CREATE INDEX `hq_sale_taxes_store_day` ON `hq_sale_taxes` (`store_id`,`day`);--> statement-breakpoint
CREATE TABLE `hq_sales` (
	`id` text PRIMARY KEY NOT NULL,
	`store_id` text NOT NULL,
	`event_id` text NOT NULL,
	`receipt_no` text NOT NULL,
	`till_id` text NOT NULL,
	`cashier_id` text,
	`shift_id` text,
	`customer_id` text,
	`at` text NOT NULL,
	`day` text NOT NULL,
	`currency` text NOT NULL,
	`status` text NOT NULL,
	`subtotal_minor` integer NOT NULL,
	`discount_minor` integer NOT NULL,
	`tax_minor` integer NOT NULL,
	`total_minor` integer NOT NULL,
	`change_minor` integer NOT NULL,
	`cash_rounding_minor` integer NOT NULL,
	`voided_at` text,
	`voided_by` text,
	`void_reason` text
);
--> statement-breakpoint
CREATE INDEX `hq_sales_store_day` ON `hq_sales` (`store_id`,`day`);--> statement-breakpoint
CREATE INDEX `hq_sales_day` ON `hq_sales` (`day`);--> statement-breakpoint
CREATE INDEX `hq_sales_receipt` ON `hq_sales` (`receipt_no`);--> statement-breakpoint
CREATE TABLE `hq_tenders` (
	`doc_id` text NOT NULL,
	`idx` integer NOT NULL,
	`doc_kind` text NOT NULL,
	`store_id` text NOT NULL,
	`type` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`day` text NOT NULL,
	PRIMARY KEY(`doc_id`, `idx`)
);
--> statement-breakpoint
CREATE INDEX `hq_tenders_store_day` ON `hq_tenders` (`store_id`,`day`);--> statement-breakpoint
CREATE TABLE `ingested_events` (
	`id` text PRIMARY KEY NOT NULL,
	`store_id` text NOT NULL,
	`seq` integer NOT NULL,
	`type` text NOT NULL,
	`version` integer NOT NULL,
	`at` text NOT NULL,
	`payload` text NOT NULL,
	`prev_hash` text,
	`hash` text NOT NULL,
	`applied_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ingested_events_store_seq` ON `ingested_events` (`store_id`,`seq`);--> statement-breakpoint
CREATE INDEX `ingested_events_at` ON `ingested_events` (`at`);--> statement-breakpoint
CREATE TABLE `parked_events` (
	`store_id` text NOT NULL,
	`seq` integer NOT NULL,
	`id` text NOT NULL,
	`event` text NOT NULL,
	`received_at` text NOT NULL,
	PRIMARY KEY(`store_id`, `seq`)
);
--> statement-breakpoint
CREATE TABLE `store_replication` (
	`store_id` text PRIMARY KEY NOT NULL,
	`last_seq` integer NOT NULL,
	`last_hash` text,
	`last_event_at` text,
	`applied_at` text,
	`gap_from_seq` integer,
	`gap_since` text
);
