CREATE TABLE `hq_sum_customer_totals` (
	`day` text NOT NULL,
	`store_id` text NOT NULL,
	`orders_count` integer NOT NULL,
	`returns_count` integer NOT NULL,
	`net_minor` integer NOT NULL,
	PRIMARY KEY(`day`, `store_id`)
);
--> statement-breakpoint
CREATE INDEX `hq_sum_customers_store_day` ON `hq_sum_customers` (`store_id`,`day`);