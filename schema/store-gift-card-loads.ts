/**
 * Gift cards sold at the tills: each gift card line of a sale loads its card at head office once
 * (by `<saleId>:<lineNo>`), queued here with the sale until head office has it.
 */
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const giftCardLoads = sqliteTable(
  "gift_card_loads",
  {
    /** `<saleId>:<lineNo>`. */
    id: text("id").primaryKey(),
    saleId: text("sale_id").notNull(),
    lineNo: integer("line_no").notNull(),
    card: text("card").notNull(),
    amountMinor: integer("amount_minor").notNull(),
    /** `cancelled`: the sale was voided before head office had the load. */
    status: text("status", { enum: ["pending", "loaded", "refused", "cancelled"] }).notNull(),
    at: text("at").notNull(),
    lastError: text("last_error"),
  },
  (t) => [index("gift_card_loads_sale").on(t.saleId), index("gift_card_loads_status").on(t.status)],
);
