CREATE TABLE `dining_tables` (
	`id` text PRIMARY KEY NOT NULL,
	`area` text NOT NULL,
	`name` text NOT NULL,
	`seats` integer NOT NULL,
	`position` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `table_checks` (
	`id` text PRIMARY KEY NOT NULL,
	`order_id` text NOT NULL,
	`position` integer NOT NULL,
	`label` text NOT NULL,
	`document` text NOT NULL,
	`total_minor` integer NOT NULL,
	`parts` text,
	`sale_id` text,
	`tip_minor` integer NOT NULL,
	`waiter_id` text NOT NULL,
	`paid_at` text
);
--> statement-breakpoint
CREATE INDEX `table_checks_order` ON `table_checks` (`order_id`);--> statement-breakpoint
CREATE TABLE `table_order_lines` (
	`id` text PRIMARY KEY NOT NULL,
	`order_id` text NOT NULL,
	`position` integer NOT NULL,
	`seat` integer NOT NULL,
	`course` integer NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`qty_milli` integer NOT NULL,
	`unit_price_minor` integer NOT NULL,
	`tax_class` text,
	`category_id` text,
	`modifiers` text NOT NULL,
	`note` text,
	`round_id` text,
	`fired_at` text,
	`check_id` text
);
--> statement-breakpoint
CREATE INDEX `table_order_lines_order` ON `table_order_lines` (`order_id`);--> statement-breakpoint
CREATE TABLE `table_orders` (
	`id` text PRIMARY KEY NOT NULL,
	`table_id` text,
	`waiter_id` text NOT NULL,
	`status` text NOT NULL,
	`takeaway` integer NOT NULL,
	`guests` integer NOT NULL,
	`opened_at` text NOT NULL,
	`billed_at` text,
	`closed_at` text,
	`merged_into` text
);
--> statement-breakpoint
CREATE INDEX `table_orders_table` ON `table_orders` (`table_id`,`status`);--> statement-breakpoint
CREATE TABLE `table_rounds` (
	`id` text PRIMARY KEY NOT NULL,
	`order_id` text NOT NULL,
	`kind` text NOT NULL,
	`course` integer,
	`table_name` text,
	`waiter_id` text NOT NULL,
	`at` text NOT NULL,
	`lines` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `table_rounds_order` ON `table_rounds` (`order_id`);