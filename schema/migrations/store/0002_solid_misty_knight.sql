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
ALTER TABLE `sales` ADD `request_hash` text;