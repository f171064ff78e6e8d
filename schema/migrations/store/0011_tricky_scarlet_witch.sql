ALTER TABLE `sale_lines` ADD `lot` text;--> statement-breakpoint
ALTER TABLE `sale_lines` ADD `expiry` text;--> statement-breakpoint
ALTER TABLE `sale_lines` ADD `serial` text;--> statement-breakpoint
CREATE INDEX `sale_lines_serial` ON `sale_lines` (`serial`);