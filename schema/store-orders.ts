/**
 * Customer orders (click and collect, delivery) at their pick-up store, the stock they reserve,
 * each order's history, and the web shop's webhooks with their delivery outbox.
 */
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { webhookEndpointColumns, webhookOutboxColumns } from "./columns.ts";

/** An order as placed and changed since: its lines and prepayments are JSON documents on the row. */
export const customerOrders = sqliteTable(
  "customer_orders",
  {
    id: text("id").primaryKey(),
    /** Numbered per store from 1 (`counters` "order"). */
    number: integer("number").notNull(),
    status: text("status", {
      enum: ["placed", "confirmed", "picked", "ready", "collected", "cancelled"],
    }).notNull(),
    customerId: text("customer_id"),
    /** The pick-up slot's day (YYYY-MM-DD), its start and end (HH:MM); null for a delivery without one. */
    slotDate: text("slot_date"),
    slotFrom: text("slot_from"),
    slotTo: text("slot_to"),
    /** A delivery's address and phone as JSON; null for a pick-up. */
    delivery: text("delivery"),
    /** The order's lines (JSON array, see src/api/store/orders.ts). */
    lines: text("lines").notNull(),
    /** Tenders already received (JSON array). */
    prepaid: text("prepaid").notNull(),
    totalMinor: integer("total_minor").notNull(),
    prepaidMinor: integer("prepaid_minor").notNull(),
    /** What the customer still owes; negative: what is owed back to the prepaid tender. */
    balanceDueMinor: integer("balance_due_minor").notNull(),
    /** The sale recorded when the order was collected. */
    saleId: text("sale_id"),
    /** What was refunded to the prepaid tender at collection. */
    refundedMinor: integer("refunded_minor").notNull().default(0),
    /** The hash of the placing request: a repeat with the same id and body answers the order. */
    requestHash: text("request_hash").notNull(),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("customer_orders_number").on(t.number),
    index("customer_orders_status").on(t.status),
    index("customer_orders_slot").on(t.slotDate, t.slotFrom),
    index("customer_orders_created").on(t.createdAt),
  ],
);

/** Stock an open order holds back: available = on hand − the sum per product. */
export const orderReservations = sqliteTable(
  "order_reservations",
  {
    orderId: text("order_id").notNull(),
    productCode: text("product_code").notNull(),
    qtyMilli: integer("qty_milli").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orderId, t.productCode] }),
    index("order_reservations_product").on(t.productCode),
  ],
);

/** Every change of an order, who made it and what changed. */
export const orderHistory = sqliteTable(
  "order_history",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    orderId: text("order_id").notNull(),
    at: text("at").notNull(),
    userId: text("user_id"),
    tillId: text("till_id"),
    action: text("action").notNull(),
    /** JSON: the status, lines or amounts the change set. */
    detail: text("detail").notNull(),
  },
  (t) => [index("order_history_order").on(t.orderId, t.id)],
);

/** A web shop's webhook: the events it takes, signed with its secret; parked when it keeps failing. */
export const webhookEndpoints = sqliteTable("webhook_endpoints", webhookEndpointColumns());

/** Deliveries waiting for their endpoint to take them (deleted once taken). */
export const webhookDeliveries = sqliteTable(
  "webhook_deliveries",
  { ...webhookOutboxColumns(), endpointId: text("endpoint_id").notNull() },
  (t) => [index("webhook_deliveries_due").on(t.endpointId, t.nextAt)],
);

export const ordersSchema = {
  customerOrders,
  orderReservations,
  orderHistory,
  webhookEndpoints,
  webhookDeliveries,
};
