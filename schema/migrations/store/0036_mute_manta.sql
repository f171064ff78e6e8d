CREATE TABLE `scale_product_details` (
	`product_code` text PRIMARY KEY NOT NULL,
	`tare_grams` integer DEFAULT 0 NOT NULL,
	`shelf_life_days` integer DEFAULT 0 NOT NULL,
	`updated_at` text NOT NULL
);
