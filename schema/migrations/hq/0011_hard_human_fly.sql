CREATE TABLE `hq_stock_limits` (
	`store_id` text NOT NULL,
	`code` text NOT NULL,
	`location` text NOT NULL,
	`min_milli` integer NOT NULL,
	`max_milli` integer,
	PRIMARY KEY(`store_id`, `code`, `location`)
);
