CREATE TABLE `hq_chain_orders` (
	`id` text PRIMARY KEY NOT NULL,
	`vendor_id` text NOT NULL,
	`deliver_to` text,
	`request` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `hq_purchase_orders` (
	`store_id` text NOT NULL,
	`id` text NOT NULL,
	`number` integer NOT NULL,
	`vendor_id` text NOT NULL,
	`status` text NOT NULL,
	`expected_at` text,
	`created_at` text NOT NULL,
	`sent_at` text,
	`closed_at` text,
	`updated_at` text NOT NULL,
	`lines` text NOT NULL,
	PRIMARY KEY(`store_id`, `id`)
);
--> statement-breakpoint
CREATE INDEX `hq_purchase_orders_vendor` ON `hq_purchase_orders` (`vendor_id`);--> statement-breakpoint
CREATE TABLE `hq_purchase_receipts` (
	`store_id` text NOT NULL,
	`id` text NOT NULL,
	`order_id` text,
	`vendor_id` text NOT NULL,
	`invoice_number` text,
	`invoice_date` text,
	`landed_cost_minor` integer NOT NULL,
	`received_at` text NOT NULL,
	`lines` text NOT NULL,
	PRIMARY KEY(`store_id`, `id`)
);
--> statement-breakpoint
CREATE INDEX `hq_purchase_receipts_order` ON `hq_purchase_receipts` (`order_id`);--> statement-breakpoint
CREATE TABLE `hq_vendor_credits` (
	`store_id` text NOT NULL,
	`id` text NOT NULL,
	`number` integer NOT NULL,
	`vendor_id` text NOT NULL,
	`receipt_id` text,
	`status` text NOT NULL,
	`total_minor` integer NOT NULL,
	`created_at` text NOT NULL,
	`settled_at` text,
	`settlement_ref` text,
	`updated_at` text NOT NULL,
	`lines` text NOT NULL,
	PRIMARY KEY(`store_id`, `id`)
);
--> statement-breakpoint
CREATE INDEX `hq_vendor_credits_vendor` ON `hq_vendor_credits` (`vendor_id`);--> statement-breakpoint
CREATE TABLE `hq_vendor_item_costs` (
	`event_id` text NOT NULL,
	`item_no` integer NOT NULL,
	`store_id` text NOT NULL,
	`vendor_id` text NOT NULL,
	`code` text NOT NULL,
	`cost_minor` integer NOT NULL,
	`previous_cost_minor` integer,
	`source` text NOT NULL,
	`ref_id` text,
	`at` text NOT NULL,
	PRIMARY KEY(`event_id`, `item_no`)
);
--> statement-breakpoint
CREATE INDEX `hq_vendor_item_costs_vendor` ON `hq_vendor_item_costs` (`store_id`,`vendor_id`);--> statement-breakpoint
CREATE TABLE `hq_vendor_items` (
	`store_id` text NOT NULL,
	`vendor_id` text NOT NULL,
	`code` text NOT NULL,
	`vendor_code` text,
	`case_size_milli` integer,
	`cost_minor` integer NOT NULL,
	`lead_time_days` integer,
	`min_order_milli` integer,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`store_id`, `vendor_id`, `code`)
);
--> statement-breakpoint
CREATE INDEX `hq_vendor_items_code` ON `hq_vendor_items` (`code`);--> statement-breakpoint
CREATE TABLE `hq_vendors` (
	`store_id` text NOT NULL,
	`id` text NOT NULL,
	`name` text NOT NULL,
	`payment_terms` text,
	`payment_types` text NOT NULL,
	`active` integer NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`store_id`, `id`)
);
