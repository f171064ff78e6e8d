CREATE TABLE `hq_custom_tenders` (
	`id` text PRIMARY KEY NOT NULL,
	`body` text NOT NULL,
	`active` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
