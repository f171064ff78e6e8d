CREATE TABLE `equity_payments` (
	`id` text PRIMARY KEY NOT NULL,
	`customer_id` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`store_id` text,
	`sale_id` text,
	`note` text,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `equity_payments_customer` ON `equity_payments` (`customer_id`);--> statement-breakpoint
CREATE TABLE `members` (
	`customer_id` text PRIMARY KEY NOT NULL,
	`number` text NOT NULL,
	`since` text,
	`equity_due_minor` integer NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `members_number_unique` ON `members` (`number`);