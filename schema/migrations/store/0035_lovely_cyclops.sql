CREATE TABLE `label_prints` (
	`template` text NOT NULL,
	`product_code` text NOT NULL,
	`price_minor` integer NOT NULL,
	`printed_at` text NOT NULL,
	PRIMARY KEY(`template`, `product_code`)
);
