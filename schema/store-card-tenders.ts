/**
 * A store's side of card tenders: each points or gift-card tender of a sale is a redemption,
 * authorised at head office (online) or within the card's offline allowance (offline), and each
 * sale with a loyalty card an earning; the reconciler posts what head office has not seen yet.
 */
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const cardRedemptions = sqliteTable(
  "card_redemptions",
  {
    /** `<saleId>:<tender index>`: head office's redemption id, the same on every retry. */
    id: text("id").primaryKey(),
    saleId: text("sale_id").notNull(),
    card: text("card").notNull(),
    unit: text("unit", { enum: ["points", "money", "account"] }).notNull(),
    /** Points (loyalty) or minor units (gift card) redeemed. */
    amount: integer("amount").notNull(),
    /** What the redemption pays of the sale, minor units. */
    valueMinor: integer("value_minor").notNull(),
    /**
     * held: authorised at head office, not yet committed; committed; released (the sale did not
     * complete); offline: taken within the offline allowance, not yet at head office; reconciled.
     */
    status: text("status", { enum: ["held", "committed", "released", "offline", "reconciled"] }).notNull(),
    /** The store's business day the redemption counts on (the offline allowance is per day). */
    day: text("day").notNull(),
    at: text("at").notNull(),
    /** What head office could not take off the card when an offline redemption reached it. */
    overdraft: integer("overdraft"),
    /** The last refusal or failure while posting it to head office. */
    lastError: text("last_error"),
  },
  (t) => [
    index("card_redemptions_card_day").on(t.card, t.day),
    index("card_redemptions_status").on(t.status),
  ],
);

/** A sale made with a loyalty card: its points are earned at head office once (by sale id). */
export const cardEarnings = sqliteTable(
  "card_earnings",
  {
    saleId: text("sale_id").primaryKey(),
    card: text("card").notNull(),
    /** What the customer paid, after discounts and card redemptions. */
    paidMinor: integer("paid_minor").notNull(),
    status: text("status", { enum: ["pending", "earned", "refused"] }).notNull(),
    points: integer("points"),
    lastError: text("last_error"),
  },
  (t) => [index("card_earnings_status").on(t.status)],
);

/**
 * A return's refund back to a card tender of the sale: credited at head office once (by id,
 * `<returnId>:<tender index>:<redemption id>`), queued here until head office has it.
 */
export const cardRefunds = sqliteTable(
  "card_refunds",
  {
    id: text("id").primaryKey(),
    returnId: text("return_id").notNull(),
    /** The redemption of the sale it gives back. */
    redemptionId: text("redemption_id").notNull(),
    saleId: text("sale_id").notNull(),
    card: text("card").notNull(),
    unit: text("unit", { enum: ["points", "money", "account"] }).notNull(),
    /** Points (loyalty) or minor units (gift card, store credit, house account) credited back. */
    amount: integer("amount").notNull(),
    /** What the credit refunds of the return, minor units. */
    valueMinor: integer("value_minor").notNull(),
    status: text("status", { enum: ["pending", "credited", "refused"] }).notNull(),
    at: text("at").notNull(),
    lastError: text("last_error"),
  },
  (t) => [index("card_refunds_redemption").on(t.redemptionId), index("card_refunds_status").on(t.status)],
);

export const storeCardTendersSchema = { cardRedemptions, cardEarnings, cardRefunds };
