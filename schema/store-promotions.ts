/**
 * The store's promotions: those head office sends down (`source` "hq") and the store's own
 * ("store"). `body` is the promotion as `POST /promotions` takes it (JSON); a deactivated one
 * stays, inactive, so a sale that named it still finds its name.
 */
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const promotions = sqliteTable("promotions", {
  id: text("id").primaryKey(),
  source: text("source", { enum: ["hq", "store"] }).notNull(),
  body: text("body").notNull(),
  active: integer("active", { mode: "boolean" }).notNull(),
  updatedAt: text("updated_at").notNull(),
});
