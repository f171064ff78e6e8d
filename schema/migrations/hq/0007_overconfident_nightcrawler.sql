ALTER TABLE `hq_products` ADD `category` text;--> statement-breakpoint
ALTER TABLE `hq_products` ADD `variant_of` text;--> statement-breakpoint
ALTER TABLE `hq_products` ADD `variant` text;--> statement-breakpoint
ALTER TABLE `hq_products` ADD `packs` text;--> statement-breakpoint
ALTER TABLE `hq_products` ADD `min_stock_milli` integer;--> statement-breakpoint
ALTER TABLE `hq_products` ADD `max_stock_milli` integer;--> statement-breakpoint
CREATE INDEX `hq_products_variant_of` ON `hq_products` (`variant_of`);