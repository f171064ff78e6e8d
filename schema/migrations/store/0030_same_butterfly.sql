CREATE TABLE `cash_book_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`shift_id` text NOT NULL,
	`till_id` text NOT NULL,
	`user_id` text NOT NULL,
	`at` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`category` text NOT NULL,
	`note` text,
	`receipt_ref` text,
	`corrects_id` text,
	`courier_id` text,
	`movement_id` text NOT NULL,
	`request_hash` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `cash_book_at` ON `cash_book_entries` (`at`);--> statement-breakpoint
CREATE INDEX `cash_book_shift` ON `cash_book_entries` (`shift_id`);--> statement-breakpoint
CREATE INDEX `cash_book_corrects` ON `cash_book_entries` (`corrects_id`);--> statement-breakpoint
CREATE TABLE `deliveries` (
	`id` text PRIMARY KEY NOT NULL,
	`order_id` text,
	`sale_id` text,
	`address` text NOT NULL,
	`phone` text NOT NULL,
	`fee_minor` integer NOT NULL,
	`collect_minor` integer NOT NULL,
	`promised_at` text,
	`status` text NOT NULL,
	`courier_id` text,
	`collected_minor` integer DEFAULT 0 NOT NULL,
	`hand_in_id` text,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`request_hash` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `deliveries_status` ON `deliveries` (`status`);--> statement-breakpoint
CREATE INDEX `deliveries_courier` ON `deliveries` (`courier_id`,`hand_in_id`);--> statement-breakpoint
CREATE TABLE `delivery_statuses` (
	`delivery_id` text NOT NULL,
	`status` text NOT NULL,
	`at` text NOT NULL,
	`user_id` text NOT NULL,
	PRIMARY KEY(`delivery_id`, `status`)
);
