CREATE TABLE `till_pairings` (
	`code_hash` text PRIMARY KEY NOT NULL,
	`till_id` text,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`used_at` text,
	`used_by_till` text
);
--> statement-breakpoint
ALTER TABLE `api_tokens` ADD `label` text;--> statement-breakpoint
ALTER TABLE `api_tokens` ADD `last_used_at` text;