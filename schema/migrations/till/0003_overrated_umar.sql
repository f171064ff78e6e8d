ALTER TABLE `outbox` ADD `kind` text DEFAULT 'sale' NOT NULL;--> statement-breakpoint
ALTER TABLE `outbox` ADD `reported_at` text;