CREATE TABLE `hq_code_uses` (
	`sale_id` text NOT NULL,
	`promotion_id` text NOT NULL,
	`code` text NOT NULL,
	`store_id` text NOT NULL,
	`customer_id` text,
	`discount_minor` integer NOT NULL,
	`offline` integer NOT NULL,
	`at` text NOT NULL,
	`released_at` text,
	PRIMARY KEY(`sale_id`, `promotion_id`)
);
--> statement-breakpoint
CREATE INDEX `hq_code_uses_promotion` ON `hq_code_uses` (`promotion_id`);--> statement-breakpoint
CREATE TABLE `hq_messages` (
	`id` text PRIMARY KEY NOT NULL,
	`body` text NOT NULL,
	`active` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `hq_sale_promotions` (
	`sale_id` text NOT NULL,
	`promotion_id` text NOT NULL,
	`discount_minor` integer NOT NULL,
	PRIMARY KEY(`sale_id`, `promotion_id`)
);
--> statement-breakpoint
CREATE INDEX `hq_sale_promotions_promotion` ON `hq_sale_promotions` (`promotion_id`);