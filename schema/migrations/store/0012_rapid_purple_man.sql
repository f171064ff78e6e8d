CREATE TABLE `categories` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`parent` text,
	`change_seq` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `barcodes` ADD `pack_qty_milli` integer;--> statement-breakpoint
ALTER TABLE `products` ADD `category` text;--> statement-breakpoint
ALTER TABLE `products` ADD `variant_of` text;--> statement-breakpoint
ALTER TABLE `products` ADD `variant` text;--> statement-breakpoint
ALTER TABLE `products` ADD `packs` text;--> statement-breakpoint
ALTER TABLE `products` ADD `min_stock_milli` integer;--> statement-breakpoint
ALTER TABLE `products` ADD `max_stock_milli` integer;--> statement-breakpoint
CREATE INDEX `products_variant_of` ON `products` (`variant_of`);