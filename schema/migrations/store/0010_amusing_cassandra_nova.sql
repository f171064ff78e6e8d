ALTER TABLE `stock_document_lines` ADD `location` text;--> statement-breakpoint
ALTER TABLE `stock_document_lines` ADD `lot` text;--> statement-breakpoint
ALTER TABLE `stock_document_lines` ADD `expiry` text;--> statement-breakpoint
ALTER TABLE `stock_document_lines` ADD `unit_cost_minor` integer;--> statement-breakpoint
ALTER TABLE `stock_document_lines` ADD `expected_milli` integer;--> statement-breakpoint
ALTER TABLE `stock_documents` ADD `to_store` text;--> statement-breakpoint
ALTER TABLE `stock_documents` ADD `transfer_id` text;--> statement-breakpoint
ALTER TABLE `stock_documents` ADD `approved_by` text;--> statement-breakpoint
ALTER TABLE `stock_levels` ADD `avg_cost_minor` integer;--> statement-breakpoint
ALTER TABLE `stock_movements` ADD `location` text DEFAULT 'floor' NOT NULL;--> statement-breakpoint
ALTER TABLE `stock_movements` ADD `lot` text;--> statement-breakpoint
ALTER TABLE `stock_movements` ADD `expiry` text;--> statement-breakpoint
ALTER TABLE `stock_movements` ADD `unit_cost_minor` integer;--> statement-breakpoint
CREATE INDEX `stock_movements_product_location` ON `stock_movements` (`product_code`,`location`,`lot`);