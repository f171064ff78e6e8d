CREATE TABLE `cards` (
	`number` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`customer_id` text,
	`blocked` integer NOT NULL,
	`replaced_by` text,
	`expires_at` text,
	`points` integer NOT NULL,
	`balance_minor` integer NOT NULL,
	`as_of` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `cards_customer` ON `cards` (`customer_id`);--> statement-breakpoint
CREATE TABLE `customer_groups` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`discount_bp` integer,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `customers` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`phone` text,
	`email` text,
	`birthday` text,
	`groups` text NOT NULL,
	`merged_into` text,
	`erased` integer NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `customers_name_key` ON `customers` (`name_key`);--> statement-breakpoint
CREATE INDEX `customers_phone` ON `customers` (`phone`);--> statement-breakpoint
CREATE INDEX `customers_email` ON `customers` (`email`);