/**
 * Head office's view of each store's purchasing, rebuilt from the stores' replicated events:
 * vendors and their catalogs with every cost change, purchase orders as they last were, goods
 * receipts and vendor credits. Keyed by store, since each store keeps its own vendors and
 * documents; what head office orders for stores (`hq_chain_orders`) is its own record of the
 * orders it sent down. Lines are kept as the events' JSON; times are ISO 8601 UTC.
 */
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const hqVendors = sqliteTable(
  "hq_vendors",
  {
    storeId: text("store_id").notNull(),
    id: text("id").notNull(),
    name: text("name").notNull(),
    paymentTerms: text("payment_terms"),
    /** JSON array of payment types. */
    paymentTypes: text("payment_types").notNull(),
    active: integer("active", { mode: "boolean" }).notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.id] })],
);

export const hqVendorItems = sqliteTable(
  "hq_vendor_items",
  {
    storeId: text("store_id").notNull(),
    vendorId: text("vendor_id").notNull(),
    code: text("code").notNull(),
    vendorCode: text("vendor_code"),
    caseSizeMilli: integer("case_size_milli"),
    costMinor: integer("cost_minor").notNull(),
    leadTimeDays: integer("lead_time_days"),
    minOrderMilli: integer("min_order_milli"),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.vendorId, t.code] }), index("hq_vendor_items_code").on(t.code)],
);

/** Every cost a store's vendor item had: one row per item of a `vendor.items_changed` event. */
export const hqVendorItemCosts = sqliteTable(
  "hq_vendor_item_costs",
  {
    eventId: text("event_id").notNull(),
    itemNo: integer("item_no").notNull(),
    storeId: text("store_id").notNull(),
    vendorId: text("vendor_id").notNull(),
    code: text("code").notNull(),
    costMinor: integer("cost_minor").notNull(),
    previousCostMinor: integer("previous_cost_minor"),
    source: text("source", { enum: ["manual", "import", "invoice"] }).notNull(),
    refId: text("ref_id"),
    at: text("at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.itemNo] }),
    index("hq_vendor_item_costs_vendor").on(t.storeId, t.vendorId),
  ],
);

/** Each store's purchase orders as their last `purchase.order_changed` left them. */
export const hqPurchaseOrders = sqliteTable(
  "hq_purchase_orders",
  {
    storeId: text("store_id").notNull(),
    id: text("id").notNull(),
    number: integer("number").notNull(),
    vendorId: text("vendor_id").notNull(),
    status: text("status", {
      enum: ["draft", "sent", "partly_received", "received", "cancelled"],
    }).notNull(),
    expectedAt: text("expected_at"),
    createdAt: text("created_at").notNull(),
    sentAt: text("sent_at"),
    closedAt: text("closed_at"),
    /** The `at` of the event that left it so. */
    updatedAt: text("updated_at").notNull(),
    /** JSON: [{code, orderedMilli, costMinor, receivedMilli}]. */
    lines: text("lines").notNull(),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.id] }), index("hq_purchase_orders_vendor").on(t.vendorId)],
);

export const hqPurchaseReceipts = sqliteTable(
  "hq_purchase_receipts",
  {
    storeId: text("store_id").notNull(),
    id: text("id").notNull(),
    orderId: text("order_id"),
    vendorId: text("vendor_id").notNull(),
    invoiceNumber: text("invoice_number"),
    invoiceDate: text("invoice_date"),
    landedCostMinor: integer("landed_cost_minor").notNull(),
    receivedAt: text("received_at").notNull(),
    /** JSON: the event's lines. */
    lines: text("lines").notNull(),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.id] }), index("hq_purchase_receipts_order").on(t.orderId)],
);

export const hqVendorCredits = sqliteTable(
  "hq_vendor_credits",
  {
    storeId: text("store_id").notNull(),
    id: text("id").notNull(),
    number: integer("number").notNull(),
    vendorId: text("vendor_id").notNull(),
    receiptId: text("receipt_id"),
    status: text("status", { enum: ["open", "settled"] }).notNull(),
    totalMinor: integer("total_minor").notNull(),
    createdAt: text("created_at").notNull(),
    settledAt: text("settled_at"),
    settlementRef: text("settlement_ref"),
    updatedAt: text("updated_at").notNull(),
    /** JSON: the event's lines. */
    lines: text("lines").notNull(),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.id] }), index("hq_vendor_credits_vendor").on(t.vendorId)],
);

/**
 * Orders head office placed for stores: one purchase order per store (`storeIds`), or a central
 * one delivered to a warehouse site (`deliverTo`) with its distribution to stores. Each store's
 * order went down the change log; the stores report them back like their own.
 */
export const hqChainOrders = sqliteTable("hq_chain_orders", {
  id: text("id").primaryKey(),
  vendorId: text("vendor_id").notNull(),
  deliverTo: text("deliver_to"),
  /** The request as canonical JSON: a repeat with other content is refused. */
  request: text("request").notNull(),
  createdAt: text("created_at").notNull(),
});

export const hqPurchasingSchema = {
  hqVendors,
  hqVendorItems,
  hqVendorItemCosts,
  hqPurchaseOrders,
  hqPurchaseReceipts,
  hqVendorCredits,
  hqChainOrders,
};
