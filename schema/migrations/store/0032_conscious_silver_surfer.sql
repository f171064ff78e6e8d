CREATE TABLE `bookings` (
	`id` text PRIMARY KEY NOT NULL,
	`service_code` text NOT NULL,
	`staff_id` text NOT NULL,
	`customer_id` text,
	`start` text NOT NULL,
	`end` text NOT NULL,
	`status` text NOT NULL,
	`sale_id` text,
	`request_hash` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `bookings_staff_start` ON `bookings` (`staff_id`,`start`);--> statement-breakpoint
CREATE INDEX `bookings_customer` ON `bookings` (`customer_id`);--> statement-breakpoint
CREATE TABLE `commission_rules` (
	`id` text PRIMARY KEY NOT NULL,
	`staff_id` text,
	`service_code` text,
	`category` text,
	`percent` text,
	`fixed_minor` integer,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `commissions` (
	`sale_id` text NOT NULL,
	`line_no` integer NOT NULL,
	`staff_id` text NOT NULL,
	`code` text NOT NULL,
	`base_minor` integer NOT NULL,
	`commission_minor` integer NOT NULL,
	`rule_id` text,
	`shift_id` text,
	`at` text NOT NULL,
	`day` text NOT NULL,
	PRIMARY KEY(`sale_id`, `line_no`)
);
--> statement-breakpoint
CREATE INDEX `commissions_day` ON `commissions` (`day`);--> statement-breakpoint
CREATE INDEX `commissions_shift` ON `commissions` (`shift_id`);--> statement-breakpoint
CREATE TABLE `customer_packages` (
	`id` text PRIMARY KEY NOT NULL,
	`customer_id` text NOT NULL,
	`package_code` text NOT NULL,
	`service_code` text NOT NULL,
	`visits_total` integer NOT NULL,
	`visits_left` integer NOT NULL,
	`sale_id` text NOT NULL,
	`line_no` integer NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `customer_packages_customer` ON `customer_packages` (`customer_id`);--> statement-breakpoint
CREATE TABLE `package_visits` (
	`sale_id` text NOT NULL,
	`line_no` integer NOT NULL,
	`package_id` text NOT NULL,
	`at` text NOT NULL,
	PRIMARY KEY(`sale_id`, `line_no`)
);
--> statement-breakpoint
CREATE INDEX `package_visits_package` ON `package_visits` (`package_id`);--> statement-breakpoint
CREATE TABLE `services` (
	`code` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`duration_min` integer,
	`staff_ids` text NOT NULL,
	`service_code` text,
	`visits` integer,
	`updated_at` text NOT NULL
);
