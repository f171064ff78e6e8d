CREATE TABLE `stock_layers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`product_code` text NOT NULL,
	`location` text,
	`lot` text,
	`qty_milli` integer NOT NULL,
	`value_minor` integer NOT NULL,
	`received_at` text
);
--> statement-breakpoint
CREATE INDEX `stock_layers_product` ON `stock_layers` (`product_code`,`id`);--> statement-breakpoint
ALTER TABLE `stock_levels` ADD `backlog_milli` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `stock_levels` ADD `backlog_minor` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `stock_levels` ADD `last_unit_cost_minor` integer;--> statement-breakpoint
ALTER TABLE `stock_movements` ADD `value_minor` integer;--> statement-breakpoint
ALTER TABLE `stock_movements` ADD `settled_minor` integer;--> statement-breakpoint
ALTER TABLE `stock_movements` ADD `sale_line` text;--> statement-breakpoint
ALTER TABLE `stock_movements` ADD `on_hand_after_milli` integer;--> statement-breakpoint
ALTER TABLE `stock_movements` ADD `value_after_minor` integer;--> statement-breakpoint
CREATE INDEX `stock_movements_product_at` ON `stock_movements` (`product_code`,`at`);--> statement-breakpoint
CREATE INDEX `stock_movements_sale_line` ON `stock_movements` (`sale_line`);--> statement-breakpoint
CREATE INDEX `stock_movements_at` ON `stock_movements` (`at`,`kind`,`product_code`,`value_minor`,`settled_minor`);