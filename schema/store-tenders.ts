/** The shop's own tenders as head office last sent them (replicated), for sales and tills. */
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const customTenders = sqliteTable("custom_tenders", {
  id: text("id").primaryKey(),
  /** The tender as defined (JSON, src/core/custom-tenders.ts). */
  body: text("body").notNull(),
  active: integer("active", { mode: "boolean" }).notNull(),
  updatedAt: text("updated_at").notNull(),
});
