ALTER TABLE `dead_letters` ADD `resolution` text;--> statement-breakpoint
ALTER TABLE `dead_letters` ADD `resolved_at` text;--> statement-breakpoint
ALTER TABLE `dead_letters` ADD `resolved_by` text;--> statement-breakpoint
ALTER TABLE `dead_letters` ADD `note` text;