ALTER TABLE `products` ADD `deposit_code` text;--> statement-breakpoint
ALTER TABLE `products` ADD `snap_eligible` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `sale_lines` ADD `kind` text;--> statement-breakpoint
ALTER TABLE `users` ADD `staff_discount_percent` text;