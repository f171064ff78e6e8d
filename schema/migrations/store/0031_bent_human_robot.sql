CREATE TABLE `closures` (
	`number` integer PRIMARY KEY NOT NULL,
	`type` text NOT NULL,
	`scope` text NOT NULL,
	`type_number` integer NOT NULL,
	`period` text NOT NULL,
	`body` text NOT NULL,
	`prev_hash` text,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `closures_period` ON `closures` (`scope`,`type`,`period`);--> statement-breakpoint
CREATE UNIQUE INDEX `closures_type_number` ON `closures` (`scope`,`type`,`type_number`);