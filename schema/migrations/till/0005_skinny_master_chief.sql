ALTER TABLE `products` ADD `deposit_code` text;--> statement-breakpoint
ALTER TABLE `products` ADD `snap_eligible` integer DEFAULT false NOT NULL;