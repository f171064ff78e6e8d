CREATE TABLE `print_journal` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`receipt_no` text,
	`title` text NOT NULL,
	`doc` text NOT NULL,
	`copy_of` integer,
	`cashier_id` text,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `print_journal_receipt` ON `print_journal` (`receipt_no`);--> statement-breakpoint
CREATE INDEX `print_journal_copy_of` ON `print_journal` (`copy_of`);--> statement-breakpoint
ALTER TABLE `outbox` ADD `kind` text DEFAULT 'sale' NOT NULL;--> statement-breakpoint
ALTER TABLE `outbox` ADD `reported_at` text;