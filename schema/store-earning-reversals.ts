/**
 * Points taken back on returns: a return of a sale that earned (card_earnings) takes back its
 * share of the points at head office once (by return id), queued here until head office has it.
 */
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const earningReversals = sqliteTable(
  "earning_reversals",
  {
    returnId: text("return_id").primaryKey(),
    saleId: text("sale_id").notNull(),
    card: text("card").notNull(),
    saleTotalMinor: integer("sale_total_minor").notNull(),
    /** What this store's earlier returns of the sale refunded. */
    refundedBeforeMinor: integer("refunded_before_minor").notNull(),
    refundMinor: integer("refund_minor").notNull(),
    status: text("status", { enum: ["pending", "reversed", "refused"] }).notNull(),
    /** Points head office took back, and those due but already spent (the shortfall). */
    points: integer("points"),
    shortfall: integer("shortfall"),
    at: text("at").notNull(),
    lastError: text("last_error"),
  },
  (t) => [index("earning_reversals_sale").on(t.saleId), index("earning_reversals_status").on(t.status)],
);
