CREATE TABLE `hq_sum_chain_groups` (
	`day` text NOT NULL,
	`kind` text NOT NULL,
	`key` text NOT NULL,
	`qty_milli` integer NOT NULL,
	`net_minor` integer NOT NULL,
	`tax_minor` integer NOT NULL,
	`cost_minor` integer NOT NULL,
	`uncosted_net_minor` integer NOT NULL,
	PRIMARY KEY(`day`, `kind`, `key`)
);
