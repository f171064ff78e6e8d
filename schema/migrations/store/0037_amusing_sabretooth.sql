ALTER TABLE `commission_rules` ADD `origin` text DEFAULT 'store' NOT NULL;--> statement-breakpoint
ALTER TABLE `services` ADD `origin` text DEFAULT 'store' NOT NULL;