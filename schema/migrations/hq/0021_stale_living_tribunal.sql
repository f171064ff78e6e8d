CREATE TABLE `hq_sum_cashiers` (
	`day` text NOT NULL,
	`store_id` text NOT NULL,
	`cashier_id` text NOT NULL,
	`sales_count` integer NOT NULL,
	`net_minor` integer NOT NULL,
	`voids_count` integer NOT NULL,
	`voids_minor` integer NOT NULL,
	`refunds_count` integer NOT NULL,
	`refunds_minor` integer NOT NULL,
	PRIMARY KEY(`day`, `store_id`, `cashier_id`)
);
--> statement-breakpoint
CREATE TABLE `hq_sum_chain_products` (
	`day` text NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`department` text NOT NULL,
	`category` text NOT NULL,
	`qty_milli` integer NOT NULL,
	`net_minor` integer NOT NULL,
	`tax_minor` integer NOT NULL,
	`cost_minor` integer NOT NULL,
	`uncosted_net_minor` integer NOT NULL,
	PRIMARY KEY(`day`, `code`)
);
--> statement-breakpoint
CREATE TABLE `hq_sum_customer_lifetimes` (
	`customer_id` text PRIMARY KEY NOT NULL,
	`orders_count` integer NOT NULL,
	`net_minor` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `hq_sum_customers` (
	`day` text NOT NULL,
	`store_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`orders_count` integer NOT NULL,
	`returns_count` integer NOT NULL,
	`net_minor` integer NOT NULL,
	PRIMARY KEY(`day`, `store_id`, `customer_id`)
);
--> statement-breakpoint
CREATE INDEX `hq_sum_customers_customer` ON `hq_sum_customers` (`customer_id`,`day`);--> statement-breakpoint
CREATE TABLE `hq_sum_groups` (
	`day` text NOT NULL,
	`store_id` text NOT NULL,
	`kind` text NOT NULL,
	`key` text NOT NULL,
	`qty_milli` integer NOT NULL,
	`net_minor` integer NOT NULL,
	`tax_minor` integer NOT NULL,
	`cost_minor` integer NOT NULL,
	`uncosted_net_minor` integer NOT NULL,
	PRIMARY KEY(`day`, `store_id`, `kind`, `key`)
);
--> statement-breakpoint
CREATE TABLE `hq_sum_hours` (
	`day` text NOT NULL,
	`store_id` text NOT NULL,
	`hour` integer NOT NULL,
	`sales_count` integer NOT NULL,
	`returns_count` integer NOT NULL,
	`net_minor` integer NOT NULL,
	`tax_minor` integer NOT NULL,
	`total_minor` integer NOT NULL,
	PRIMARY KEY(`day`, `store_id`, `hour`)
);
--> statement-breakpoint
CREATE TABLE `hq_sum_products` (
	`day` text NOT NULL,
	`store_id` text NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`department` text NOT NULL,
	`category` text NOT NULL,
	`qty_milli` integer NOT NULL,
	`net_minor` integer NOT NULL,
	`tax_minor` integer NOT NULL,
	`cost_minor` integer NOT NULL,
	`uncosted_net_minor` integer NOT NULL,
	PRIMARY KEY(`day`, `store_id`, `code`)
);
--> statement-breakpoint
CREATE TABLE `hq_sum_state` (
	`id` text PRIMARY KEY NOT NULL,
	`rebuilt_at` text NOT NULL,
	`sales` integer NOT NULL,
	`returns` integer NOT NULL
);
