CREATE TABLE `invoices` (
	`number` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`year` integer NOT NULL,
	`seq` integer NOT NULL,
	`sale_id` text NOT NULL,
	`order_id` text,
	`return_id` text,
	`refers_to` text,
	`buyer_name` text NOT NULL,
	`buyer` text NOT NULL,
	`issued_at` text NOT NULL,
	`issued_by` text NOT NULL,
	`total_minor` integer NOT NULL,
	`document` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invoices_kind_year_seq` ON `invoices` (`kind`,`year`,`seq`);--> statement-breakpoint
CREATE UNIQUE INDEX `invoices_one_per_sale` ON `invoices` (`sale_id`) WHERE kind = 'invoice';--> statement-breakpoint
CREATE UNIQUE INDEX `invoices_one_per_return` ON `invoices` (`return_id`) WHERE return_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX `invoices_issued_at` ON `invoices` (`issued_at`);