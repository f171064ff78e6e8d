/**
 * Co-op members (owners) at head office: a customer's member number, since when, and the equity
 * they owe the co-op; and the equity payments recorded against them, once per id (a store's is
 * `<saleId>:equity`), never changed.
 */
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const members = sqliteTable("members", {
  customerId: text("customer_id").primaryKey(),
  number: text("number").notNull().unique(),
  /** YYYY-MM-DD, or null when not known (an import without it). */
  since: text("since"),
  /** The whole equity the member owes (the plan's total), minor units. */
  equityDueMinor: integer("equity_due_minor").notNull(),
  updatedAt: text("updated_at").notNull(),
});

export const equityPayments = sqliteTable(
  "equity_payments",
  {
    id: text("id").primaryKey(),
    customerId: text("customer_id").notNull(),
    amountMinor: integer("amount_minor").notNull(),
    storeId: text("store_id"),
    saleId: text("sale_id"),
    note: text("note"),
    at: text("at").notNull(),
  },
  (t) => [index("equity_payments_customer").on(t.customerId)],
);

export const hqMembersSchema = { members, equityPayments };
