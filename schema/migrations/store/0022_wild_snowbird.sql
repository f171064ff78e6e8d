CREATE TABLE `card_earnings` (
	`sale_id` text PRIMARY KEY NOT NULL,
	`card` text NOT NULL,
	`paid_minor` integer NOT NULL,
	`status` text NOT NULL,
	`points` integer,
	`last_error` text
);
--> statement-breakpoint
CREATE INDEX `card_earnings_status` ON `card_earnings` (`status`);--> statement-breakpoint
CREATE TABLE `card_redemptions` (
	`id` text PRIMARY KEY NOT NULL,
	`sale_id` text NOT NULL,
	`card` text NOT NULL,
	`unit` text NOT NULL,
	`amount` integer NOT NULL,
	`value_minor` integer NOT NULL,
	`status` text NOT NULL,
	`day` text NOT NULL,
	`at` text NOT NULL,
	`overdraft` integer,
	`last_error` text
);
--> statement-breakpoint
CREATE INDEX `card_redemptions_card_day` ON `card_redemptions` (`card`,`day`);--> statement-breakpoint
CREATE INDEX `card_redemptions_status` ON `card_redemptions` (`status`);