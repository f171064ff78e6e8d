ALTER TABLE `departments` ADD `open_ring` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `departments` ADD `open_ring_max_minor` integer;--> statement-breakpoint
ALTER TABLE `departments` ADD `open_ring_min_minor` integer;--> statement-breakpoint
ALTER TABLE `departments` ADD `min_age` integer;--> statement-breakpoint
ALTER TABLE `products` ADD `min_age` integer;