/** The shop's own tenders head office defines (`POST /tenders`), replicated to every store. */
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const hqCustomTenders = sqliteTable("hq_custom_tenders", {
  id: text("id").primaryKey(),
  /** The tender as defined (JSON, src/core/custom-tenders.ts). */
  body: text("body").notNull(),
  active: integer("active", { mode: "boolean" }).notNull(),
  createdAt: text("created_at").notNull(),
  updatedAt: text("updated_at").notNull(),
});

export const hqTendersSchema = { hqCustomTenders };
