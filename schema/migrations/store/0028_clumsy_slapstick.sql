CREATE TABLE `roles` (
	`id` text PRIMARY KEY NOT NULL,
	`body` text NOT NULL,
	`active` integer NOT NULL,
	`updated_at` text NOT NULL
);
