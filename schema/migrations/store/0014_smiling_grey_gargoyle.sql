CREATE TABLE `stock_serials` (
	`serial` text NOT NULL,
	`product_code` text NOT NULL,
	`document_id` text NOT NULL,
	`status` text NOT NULL,
	`received_at` text NOT NULL,
	PRIMARY KEY(`product_code`, `serial`)
);
--> statement-breakpoint
CREATE INDEX `stock_serials_serial` ON `stock_serials` (`serial`);--> statement-breakpoint
ALTER TABLE `products` ADD `serialised` integer DEFAULT false NOT NULL;