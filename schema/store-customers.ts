/**
 * The store's copy of head office's customers, customer groups and cards (replicated as change-log
 * entries, see src/core/customer-changes.ts), so a till's card scan and a customer search are
 * answered here, head office reachable or not. Balances are the last head office sent.
 */
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { customerContactColumns } from "./columns.ts";

export const storeCustomers = sqliteTable(
  "customers",
  {
    id: text("id").primaryKey(),
    ...customerContactColumns(),
    /** JSON array of group ids. */
    groups: text("groups").notNull(),
    mergedInto: text("merged_into"),
    erased: integer("erased", { mode: "boolean" }).notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    index("customers_name_key").on(t.nameKey),
    index("customers_phone").on(t.phone),
    index("customers_email").on(t.email),
  ],
);

export const storeCustomerGroups = sqliteTable("customer_groups", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  /** Basis points (5.5% = 550), or null. */
  discountBp: integer("discount_bp"),
  updatedAt: text("updated_at").notNull(),
});

export const storeCards = sqliteTable(
  "cards",
  {
    number: text("number").primaryKey(),
    kind: text("kind", { enum: ["loyalty", "gift"] }).notNull(),
    customerId: text("customer_id"),
    blocked: integer("blocked", { mode: "boolean" }).notNull(),
    replacedBy: text("replaced_by"),
    expiresAt: text("expires_at"),
    points: integer("points").notNull(),
    balanceMinor: integer("balance_minor").notNull(),
    /** When head office's value was made (its change-log time). */
    asOf: text("as_of").notNull(),
  },
  (t) => [index("cards_customer").on(t.customerId)],
);

/**
 * Customers created at this store's tills (with the card issued to them), queued until head office
 * has them: sent once head office answers, under the till's id, so sending again adds nothing.
 */
export const tillCustomersOutbox = sqliteTable(
  "till_customers_outbox",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    phone: text("phone"),
    email: text("email"),
    card: text("card"),
    tillId: text("till_id"),
    status: text("status", { enum: ["pending", "sent", "refused"] }).notNull(),
    at: text("at").notNull(),
    lastError: text("last_error"),
  },
  (t) => [index("till_customers_outbox_status").on(t.status)],
);

export const storeCustomersSchema = { storeCustomers, storeCustomerGroups, storeCards, tillCustomersOutbox };
