CREATE TABLE `approvals` (
	`id` text PRIMARY KEY NOT NULL,
	`action` text NOT NULL,
	`till_id` text,
	`ref_id` text,
	`requested_by` text,
	`approved_by` text NOT NULL,
	`at` text NOT NULL,
	`expires_at` text NOT NULL,
	`used_at` text,
	`used_for` text
);
--> statement-breakpoint
CREATE TABLE `pin_attempts` (
	`till_id` text PRIMARY KEY NOT NULL,
	`failures` integer NOT NULL,
	`first_failed_at` text NOT NULL,
	`locked_until` text
);
--> statement-breakpoint
CREATE INDEX `returns_shift` ON `returns` (`shift_id`);--> statement-breakpoint
CREATE INDEX `sales_shift` ON `sales` (`shift_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `shifts_one_open_per_till` ON `shifts` (`till_id`) WHERE closed_at IS NULL;--> statement-breakpoint
CREATE INDEX `tenders_shift` ON `tenders` (`shift_id`);--> statement-breakpoint
CREATE INDEX `users_pin_tag` ON `users` (`pin_tag`);