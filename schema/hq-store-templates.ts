/**
 * Store templates: what a new store of the chain starts with (settings, tax classes,
 * departments, a price list, users, devices), kept as one checked JSON document per template.
 */
import { sqliteTable, text } from "drizzle-orm/sqlite-core";

export const storeTemplates = sqliteTable("store_templates", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  /** The template as `POST /store-templates` checked it (JSON of `storeTemplateSchema`). */
  body: text("body").notNull(),
  createdAt: text("created_at").notNull(),
});

export const hqStoreTemplatesSchema = { storeTemplates };
