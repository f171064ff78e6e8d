CREATE TABLE `offline_redemptions` (
	`id` text PRIMARY KEY NOT NULL,
	`card` text NOT NULL,
	`unit` text NOT NULL,
	`asked` integer NOT NULL,
	`asked_minor` integer NOT NULL,
	`debited` integer NOT NULL,
	`overdraft` integer NOT NULL,
	`overdraft_minor` integer NOT NULL,
	`store_id` text NOT NULL,
	`sale_id` text NOT NULL,
	`at` text NOT NULL,
	`received_at` text NOT NULL,
	`request` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `offline_redemptions_at` ON `offline_redemptions` (`at`);