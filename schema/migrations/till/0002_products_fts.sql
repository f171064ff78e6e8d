-- Name search: an FTS5 index of product names over `products` (external content, by `id`),
-- case- and diacritics-insensitive, with prefix indexes for what a cashier types ("org mil").
-- Triggers keep it in step with every write to `products`; the last statement fills it from
-- the rows a till already has.
CREATE VIRTUAL TABLE `products_fts` USING fts5(
	`name`,
	content='products',
	content_rowid='id',
	tokenize='unicode61 remove_diacritics 2',
	prefix='1 2 3'
);
--> statement-breakpoint
CREATE TRIGGER `products_fts_insert` AFTER INSERT ON `products` BEGIN
	INSERT INTO `products_fts` (rowid, `name`) VALUES (new.`id`, new.`name`);
END;
--> statement-breakpoint
CREATE TRIGGER `products_fts_delete` AFTER DELETE ON `products` BEGIN
	INSERT INTO `products_fts` (`products_fts`, rowid, `name`) VALUES ('delete', old.`id`, old.`name`);
END;
--> statement-breakpoint
CREATE TRIGGER `products_fts_update` AFTER UPDATE OF `id`, `name` ON `products`
WHEN old.`name` IS NOT new.`name` OR old.`id` IS NOT new.`id` BEGIN
	INSERT INTO `products_fts` (`products_fts`, rowid, `name`) VALUES ('delete', old.`id`, old.`name`);
	INSERT INTO `products_fts` (rowid, `name`) VALUES (new.`id`, new.`name`);
END;
--> statement-breakpoint
INSERT INTO `products_fts` (`products_fts`) VALUES ('rebuild');
