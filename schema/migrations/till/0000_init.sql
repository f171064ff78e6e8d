CREATE TABLE `barcodes` (
	`barcode` text PRIMARY KEY NOT NULL,
	`product_code` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `barcodes_product` ON `barcodes` (`product_code`);--> statement-breakpoint
CREATE TABLE `cashiers` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`pin_hash` text NOT NULL,
	`last_seen_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sale_id` text NOT NULL,
	`receipt_no` text NOT NULL,
	`body` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`created_at` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`sent_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_sale_id_unique` ON `outbox` (`sale_id`);--> statement-breakpoint
CREATE INDEX `outbox_status` ON `outbox` (`status`,`seq`);--> statement-breakpoint
CREATE INDEX `outbox_receipt` ON `outbox` (`receipt_no`);--> statement-breakpoint
CREATE TABLE `products` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`price_minor` integer NOT NULL,
	`tax_class` text,
	`department` text,
	`sold_by_weight` integer DEFAULT false NOT NULL,
	`open_price` integer DEFAULT false NOT NULL,
	`unit` text DEFAULT 'each' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`change_seq` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `products_name` ON `products` (`name`);