CREATE TABLE `promotions` (
	`id` text PRIMARY KEY NOT NULL,
	`source` text NOT NULL,
	`body` text NOT NULL,
	`active` integer NOT NULL,
	`updated_at` text NOT NULL
);
