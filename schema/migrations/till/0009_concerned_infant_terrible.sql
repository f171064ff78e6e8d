ALTER TABLE `cashiers` ADD `permissions` text;--> statement-breakpoint
ALTER TABLE `cashiers` ADD `max_discount_percent` integer;