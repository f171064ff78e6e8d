/**
 * Head office's promotions and product categories, replicated to every store through the change
 * log. A promotion's `body` is its definition as `POST /promotions` takes it (JSON); one that
 * ended stays, inactive, so sales that named it keep a name to show.
 */
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const hqPromotions = sqliteTable("hq_promotions", {
  id: text("id").primaryKey(),
  body: text("body").notNull(),
  active: integer("active", { mode: "boolean" }).notNull(),
  createdAt: text("created_at").notNull(),
  updatedAt: text("updated_at").notNull(),
});

/** The chain's product categories: a tree by `parent`. */
export const hqCategories = sqliteTable("hq_categories", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  parent: text("parent"),
  updatedAt: text("updated_at").notNull(),
});

export const hqPromotionsSchema = { hqPromotions, hqCategories };
