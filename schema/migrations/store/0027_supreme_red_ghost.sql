CREATE TABLE `gift_card_loads` (
	`id` text PRIMARY KEY NOT NULL,
	`sale_id` text NOT NULL,
	`line_no` integer NOT NULL,
	`card` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`status` text NOT NULL,
	`at` text NOT NULL,
	`last_error` text
);
--> statement-breakpoint
CREATE INDEX `gift_card_loads_sale` ON `gift_card_loads` (`sale_id`);--> statement-breakpoint
CREATE INDEX `gift_card_loads_status` ON `gift_card_loads` (`status`);