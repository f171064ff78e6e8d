PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_products` (
	`id` integer PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
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
INSERT INTO `__new_products`("id", "code", "name", "price_minor", "tax_class", "department", "sold_by_weight", "open_price", "unit", "active", "change_seq") SELECT rowid, "code", "name", "price_minor", "tax_class", "department", "sold_by_weight", "open_price", "unit", "active", "change_seq" FROM `products`;--> statement-breakpoint
DROP TABLE `products`;--> statement-breakpoint
ALTER TABLE `__new_products` RENAME TO `products`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `products_code_unique` ON `products` (`code`);