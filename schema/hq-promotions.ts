/**
 * Head office's promotions and product categories, replicated to every store through the change
 * log. A promotion's `body` is its definition as `POST /promotions` takes it (JSON); one that
 * ended stays, inactive, so sales that named it keep a name to show.
 */
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

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

/**
 * Uses of limited promo codes, chain-wide: one row per sale and promotion, claimed by the store
 * that made the sale (idempotent by sale id), released when the sale was not completed.
 * `offline` marks a use a store accepted while head office was unreachable, counted afterwards.
 */
export const hqCodeUses = sqliteTable(
  "hq_code_uses",
  {
    saleId: text("sale_id").notNull(),
    promotionId: text("promotion_id").notNull(),
    code: text("code").notNull(),
    storeId: text("store_id").notNull(),
    customerId: text("customer_id"),
    discountMinor: integer("discount_minor").notNull(),
    offline: integer("offline", { mode: "boolean" }).notNull(),
    at: text("at").notNull(),
    releasedAt: text("released_at"),
  },
  (t) => [
    primaryKey({ columns: [t.saleId, t.promotionId] }),
    index("hq_code_uses_promotion").on(t.promotionId),
  ],
);

/** The chain's messages to cashiers and receipts (`POST /messages`), replicated like promotions. */
export const hqMessages = sqliteTable("hq_messages", {
  id: text("id").primaryKey(),
  body: text("body").notNull(),
  active: integer("active", { mode: "boolean" }).notNull(),
  createdAt: text("created_at").notNull(),
  updatedAt: text("updated_at").notNull(),
});

/** The promotions each store's sale got (from `sale.completed`), for promotion reports. */
export const hqSalePromotions = sqliteTable(
  "hq_sale_promotions",
  {
    saleId: text("sale_id").notNull(),
    promotionId: text("promotion_id").notNull(),
    discountMinor: integer("discount_minor").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.saleId, t.promotionId] }),
    index("hq_sale_promotions_promotion").on(t.promotionId),
  ],
);

export const hqPromotionsSchema = { hqPromotions, hqCategories, hqCodeUses, hqMessages, hqSalePromotions };
