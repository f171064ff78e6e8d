CREATE TABLE `hq_scale_health` (
	`store_id` text NOT NULL,
	`scale_id` text NOT NULL,
	`protocol` text NOT NULL,
	`reachable` integer NOT NULL,
	`state` text,
	`last_sync_at` text,
	`plus_sent` integer NOT NULL,
	`plus_total` integer NOT NULL,
	`programming` text NOT NULL,
	`error_code` text,
	`error_message` text,
	`reported_at` text NOT NULL,
	PRIMARY KEY(`store_id`, `scale_id`)
);
