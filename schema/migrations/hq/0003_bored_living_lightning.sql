CREATE TABLE `hq_price_exceptions` (
	`store_id` text NOT NULL,
	`sale_id` text NOT NULL,
	`line_no` integer NOT NULL,
	`kind` text NOT NULL,
	`code` text NOT NULL,
	`receipt_no` text NOT NULL,
	`till_id` text NOT NULL,
	`at` text NOT NULL,
	`day` text NOT NULL,
	`rung_minor` integer NOT NULL,
	`catalog_minor` integer,
	`detail` text,
	PRIMARY KEY(`sale_id`, `line_no`, `kind`)
);
--> statement-breakpoint
CREATE INDEX `hq_price_exceptions_store_day` ON `hq_price_exceptions` (`store_id`,`day`);