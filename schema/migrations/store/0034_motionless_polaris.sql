CREATE TABLE `fiscal_signatures` (
	`sale_id` text PRIMARY KEY NOT NULL,
	`till_id` text NOT NULL,
	`receipt_no` text NOT NULL,
	`at` text NOT NULL,
	`status` text NOT NULL,
	`serial` text,
	`public_key` text,
	`algorithm` text,
	`transaction_no` integer,
	`signature_counter` integer,
	`started_at` text,
	`finished_at` text,
	`process_data` text,
	`signature` text,
	`reason` text,
	`detail` text
);
--> statement-breakpoint
CREATE INDEX `fiscal_signatures_at` ON `fiscal_signatures` (`at`);--> statement-breakpoint
CREATE TABLE `fiscal_receipts` (
	`sale_id` text PRIMARY KEY NOT NULL,
	`till_id` text NOT NULL,
	`receipt_no` text NOT NULL,
	`at` text NOT NULL,
	`status` text NOT NULL,
	`fiscal_receipt_no` text,
	`memory_counter` integer,
	`reason` text,
	`detail` text
);
