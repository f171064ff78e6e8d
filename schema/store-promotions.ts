/**
 * The store's promotions: those head office sends down (`source` "hq") and the store's own
 * ("store"). `body` is the promotion as `POST /promotions` takes it (JSON); a deactivated one
 * stays, inactive, so a sale that named it still finds its name.
 */
import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const promotions = sqliteTable("promotions", {
  id: text("id").primaryKey(),
  source: text("source", { enum: ["hq", "store"] }).notNull(),
  body: text("body").notNull(),
  active: integer("active", { mode: "boolean" }).notNull(),
  updatedAt: text("updated_at").notNull(),
});

/**
 * Uses of limited promo codes by this store's sales: `claimed` once head office counted it (a
 * multi-use code accepted while head office was unreachable waits, and is claimed later);
 * `released` when the sale was not completed.
 */
export const codeUses = sqliteTable(
  "code_uses",
  {
    saleId: text("sale_id").notNull(),
    promotionId: text("promotion_id").notNull(),
    code: text("code").notNull(),
    customerId: text("customer_id"),
    discountMinor: integer("discount_minor").notNull(),
    at: text("at").notNull(),
    claimed: integer("claimed", { mode: "boolean" }).notNull(),
    released: integer("released", { mode: "boolean" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.saleId, t.promotionId] })],
);

/** Messages to the cashier and for the receipt: head office's and the store's own, as promotions. */
export const messages = sqliteTable("messages", {
  id: text("id").primaryKey(),
  source: text("source", { enum: ["hq", "store"] }).notNull(),
  body: text("body").notNull(),
  active: integer("active", { mode: "boolean" }).notNull(),
  updatedAt: text("updated_at").notNull(),
});

/** Prize-draw codes printed on receipts: each issued once, for one sale. */
export const prizeCodes = sqliteTable("prize_codes", {
  code: text("code").primaryKey(),
  saleId: text("sale_id").notNull().unique(),
  at: text("at").notNull(),
});
