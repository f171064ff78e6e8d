CREATE TABLE `code_uses` (
	`sale_id` text NOT NULL,
	`promotion_id` text NOT NULL,
	`code` text NOT NULL,
	`customer_id` text,
	`discount_minor` integer NOT NULL,
	`at` text NOT NULL,
	`claimed` integer NOT NULL,
	`released` integer NOT NULL,
	PRIMARY KEY(`sale_id`, `promotion_id`)
);
--> statement-breakpoint
CREATE TABLE `messages` (
	`id` text PRIMARY KEY NOT NULL,
	`source` text NOT NULL,
	`body` text NOT NULL,
	`active` integer NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `prize_codes` (
	`code` text PRIMARY KEY NOT NULL,
	`sale_id` text NOT NULL,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `prize_codes_sale_id_unique` ON `prize_codes` (`sale_id`);