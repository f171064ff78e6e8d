/**
 * Customer orders at head office: those placed here (routed to their pick-up store through the
 * change log) and every store's orders as their `order.changed` events bring them, the latest
 * snapshot per order.
 */
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const hqOrders = sqliteTable(
  "hq_orders",
  {
    id: text("id").primaryKey(),
    storeId: text("store_id").notNull(),
    /** The store's number for it; null until the store's first event about it arrives. */
    number: integer("number"),
    status: text("status").notNull(),
    customerId: text("customer_id"),
    /** The pick-up day (the slot's date), or null. */
    slotDate: text("slot_date"),
    totalMinor: integer("total_minor").notNull(),
    balanceDueMinor: integer("balance_due_minor").notNull(),
    /** Placed here: the hash of the request (a repeat with the same id and body answers it). */
    requestHash: text("request_hash"),
    /** The latest `order.changed` payload (JSON), or the order as placed here until then. */
    snapshot: text("snapshot").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    index("hq_orders_store_status").on(t.storeId, t.status),
    index("hq_orders_slot_date").on(t.slotDate),
  ],
);

export const hqOrdersSchema = { hqOrders };
