CREATE TABLE `video_dropped` (
	`sink` text PRIMARY KEY NOT NULL,
	`count` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `video_queue` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sink` text NOT NULL,
	`body` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `video_queue_sink` ON `video_queue` (`sink`,`id`);--> statement-breakpoint
CREATE TABLE `video_seq` (
	`id` integer PRIMARY KEY NOT NULL,
	`seq` integer NOT NULL
);
