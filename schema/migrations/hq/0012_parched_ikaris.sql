CREATE TABLE `hq_categories` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`parent` text,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `hq_promotions` (
	`id` text PRIMARY KEY NOT NULL,
	`body` text NOT NULL,
	`active` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
