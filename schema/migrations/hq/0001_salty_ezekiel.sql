ALTER TABLE `hq_users` ADD `pin_tag` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `hq_users_pin_tag` ON `hq_users` (`pin_tag`);