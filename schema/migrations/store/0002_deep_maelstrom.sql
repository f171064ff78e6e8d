CREATE TABLE `price_exceptions` (
	`sale_id` text NOT NULL,
	`line_no` integer NOT NULL,
	`kind` text NOT NULL,
	`code` text NOT NULL,
	`receipt_no` text NOT NULL,
	`till_id` text NOT NULL,
	`at` text NOT NULL,
	`day` text NOT NULL,
	`rung_minor` integer NOT NULL,
	`catalog_minor` integer,
	`detail` text,
	PRIMARY KEY(`sale_id`, `line_no`, `kind`)
);
--> statement-breakpoint
CREATE INDEX `price_exceptions_at` ON `price_exceptions` (`at`);--> statement-breakpoint
CREATE TABLE `refused_till_sales` (
	`sale_id` text PRIMARY KEY NOT NULL,
	`till_id` text NOT NULL,
	`receipt_no` text NOT NULL,
	`reported_at` text NOT NULL,
	`reported_by` text,
	`error` text NOT NULL,
	`total_minor` integer,
	`body` text NOT NULL,
	`resolved_at` text
);
--> statement-breakpoint
CREATE INDEX `refused_till_sales_till` ON `refused_till_sales` (`till_id`);--> statement-breakpoint
CREATE TABLE `stock_document_lines` (
	`document_id` text NOT NULL,
	`line_no` integer NOT NULL,
	`product_code` text NOT NULL,
	`counted_milli` integer NOT NULL,
	`system_milli` integer,
	`difference_milli` integer,
	`movement_id` integer,
	PRIMARY KEY(`document_id`, `line_no`)
);
--> statement-breakpoint
CREATE TABLE `stock_documents` (
	`id` text PRIMARY KEY NOT NULL,
	`number` integer NOT NULL,
	`type` text NOT NULL,
	`status` text NOT NULL,
	`location` text,
	`reason` text,
	`user_id` text,
	`created_at` text NOT NULL,
	`posted_by` text,
	`posted_at` text,
	`request` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stock_documents_number` ON `stock_documents` (`number`);--> statement-breakpoint
ALTER TABLE `sales` ADD `request_hash` text;