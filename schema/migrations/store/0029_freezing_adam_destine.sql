CREATE TABLE `kitchen_print_queue` (
	`ticket_id` text PRIMARY KEY NOT NULL,
	`station_id` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_at` text NOT NULL,
	`last_error` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `kitchen_print_queue_next_at` ON `kitchen_print_queue` (`next_at`);--> statement-breakpoint
CREATE TABLE `kitchen_rounds` (
	`id` text PRIMARY KEY NOT NULL,
	`body` text NOT NULL,
	`fired` integer NOT NULL,
	`created_at` text NOT NULL,
	`fired_at` text
);
--> statement-breakpoint
CREATE TABLE `kitchen_tickets` (
	`id` text PRIMARY KEY NOT NULL,
	`round_id` text NOT NULL,
	`station_id` text NOT NULL,
	`number` integer NOT NULL,
	`status` text NOT NULL,
	`lines` text NOT NULL,
	`change_seq` integer NOT NULL,
	`created_at` text NOT NULL,
	`started_at` text,
	`bumped_at` text,
	`printed_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `kitchen_tickets_round_station` ON `kitchen_tickets` (`round_id`,`station_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `kitchen_tickets_change_seq` ON `kitchen_tickets` (`change_seq`);--> statement-breakpoint
CREATE INDEX `kitchen_tickets_station_status` ON `kitchen_tickets` (`station_id`,`status`);