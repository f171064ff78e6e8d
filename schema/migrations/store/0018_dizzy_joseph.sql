CREATE TABLE `stock_limits` (
	`product_code` text NOT NULL,
	`location` text NOT NULL,
	`min_milli` integer NOT NULL,
	`max_milli` integer,
	`user_id` text,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`product_code`, `location`)
);
--> statement-breakpoint
ALTER TABLE `stock_documents` ADD `mode` text;--> statement-breakpoint
ALTER TABLE `stock_documents` ADD `counted_at` text;--> statement-breakpoint
ALTER TABLE `stock_documents` ADD `department` text;--> statement-breakpoint
ALTER TABLE `stock_documents` ADD `category` text;