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
CREATE UNIQUE INDEX `stock_documents_number` ON `stock_documents` (`number`);