CREATE TABLE `hq_stock` (
	`store_id` text NOT NULL,
	`code` text NOT NULL,
	`location` text NOT NULL,
	`qty_milli` integer NOT NULL,
	PRIMARY KEY(`store_id`, `code`, `location`)
);
--> statement-breakpoint
CREATE INDEX `hq_stock_code` ON `hq_stock` (`code`);--> statement-breakpoint
CREATE TABLE `hq_stock_documents` (
	`id` text PRIMARY KEY NOT NULL,
	`store_id` text NOT NULL,
	`number` integer NOT NULL,
	`type` text NOT NULL,
	`to_store` text,
	`transfer_id` text,
	`posted_at` text NOT NULL,
	`payload` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `hq_stock_documents_to_store` ON `hq_stock_documents` (`to_store`,`type`);--> statement-breakpoint
CREATE INDEX `hq_stock_documents_transfer` ON `hq_stock_documents` (`transfer_id`);