CREATE TABLE `account_balances` (
	`card` text NOT NULL,
	`unit` text NOT NULL,
	`balance` integer NOT NULL,
	PRIMARY KEY(`card`, `unit`)
);
--> statement-breakpoint
CREATE TABLE `account_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`card` text NOT NULL,
	`unit` text NOT NULL,
	`type` text NOT NULL,
	`amount` integer NOT NULL,
	`expires_at` text,
	`store_id` text,
	`sale_id` text,
	`note` text,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `account_entries_key` ON `account_entries` (`key`);--> statement-breakpoint
CREATE INDEX `account_entries_card` ON `account_entries` (`card`,`unit`);--> statement-breakpoint
CREATE TABLE `cards` (
	`number` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`customer_id` text,
	`blocked_at` text,
	`replaced_by` text,
	`expires_at` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `cards_customer` ON `cards` (`customer_id`);--> statement-breakpoint
CREATE TABLE `customer_fields` (
	`id` text PRIMARY KEY NOT NULL,
	`label` text NOT NULL,
	`type` text NOT NULL,
	`choices` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `customer_group_members` (
	`group_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`source` text NOT NULL,
	PRIMARY KEY(`group_id`, `customer_id`)
);
--> statement-breakpoint
CREATE INDEX `customer_group_members_customer` ON `customer_group_members` (`customer_id`);--> statement-breakpoint
CREATE TABLE `customer_groups` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`discount_bp` integer,
	`rule` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `customer_notification_outbox` (
	`delivery_id` text PRIMARY KEY NOT NULL,
	`event` text NOT NULL,
	`customer_id` text,
	`body` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_at` text NOT NULL,
	`last_error` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `customer_notification_outbox_next` ON `customer_notification_outbox` (`next_at`);--> statement-breakpoint
CREATE TABLE `customers` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`phone` text,
	`email` text,
	`birthday` text,
	`address` text,
	`consents` text DEFAULT '{}' NOT NULL,
	`fields` text DEFAULT '{}' NOT NULL,
	`notes` text,
	`merged_into` text,
	`erased_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `customers_name_key` ON `customers` (`name_key`);--> statement-breakpoint
CREATE INDEX `customers_phone` ON `customers` (`phone`);--> statement-breakpoint
CREATE INDEX `customers_email` ON `customers` (`email`);--> statement-breakpoint
CREATE TABLE `loyalty_program` (
	`id` integer PRIMARY KEY NOT NULL,
	`program` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `redemptions` (
	`id` text PRIMARY KEY NOT NULL,
	`card` text NOT NULL,
	`unit` text NOT NULL,
	`amount` integer NOT NULL,
	`value_minor` integer NOT NULL,
	`store_id` text NOT NULL,
	`sale_id` text,
	`status` text NOT NULL,
	`request` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `redemptions_card_status` ON `redemptions` (`card`,`status`);--> statement-breakpoint
CREATE INDEX `hq_sales_customer` ON `hq_sales` (`customer_id`);