DROP INDEX `hq_sales_store_day`;--> statement-breakpoint
DROP INDEX `hq_sales_day`;--> statement-breakpoint
CREATE INDEX `hq_sales_day_store` ON `hq_sales` (`day`,`store_id`);--> statement-breakpoint
DROP INDEX `ingested_events_at`;