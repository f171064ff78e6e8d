/**
 * Purchasing at the store (drizzle): vendors and their catalogs with every cost a vendor item
 * ever had, purchase orders with what was ordered and received per line, goods receipts
 * against them (each one a posted `receipt` stock document of the same id) and vendor credits.
 * Dates are kept for supplier performance: when an order was made, sent, promised and closed,
 * when each receipt arrived, and the quantities ordered against those received.
 */
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

export const vendors = sqliteTable("vendors", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  /** JSON: [{name, email?, phone?, role?}]. */
  contacts: text("contacts").notNull(),
  /** e.g. "net 30". */
  paymentTerms: text("payment_terms"),
  /** JSON: the payment types used with the vendor, e.g. ["bank_transfer"]. */
  paymentTypes: text("payment_types").notNull(),
  email: text("email"),
  phone: text("phone"),
  note: text("note"),
  active: integer("active", { mode: "boolean" }).notNull(),
  createdAt: text("created_at").notNull(),
  updatedAt: text("updated_at").notNull(),
});

export const vendorItems = sqliteTable(
  "vendor_items",
  {
    vendorId: text("vendor_id").notNull(),
    productCode: text("product_code").notNull(),
    vendorCode: text("vendor_code"),
    caseSizeMilli: integer("case_size_milli"),
    costMinor: integer("cost_minor").notNull(),
    leadTimeDays: integer("lead_time_days"),
    minOrderMilli: integer("min_order_milli"),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.vendorId, t.productCode] }),
    index("vendor_items_product").on(t.productCode),
  ],
);

/** Every cost a vendor item had: from the buyer's hand, a catalog import or an invoice. */
export const vendorItemCosts = sqliteTable(
  "vendor_item_costs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    vendorId: text("vendor_id").notNull(),
    productCode: text("product_code").notNull(),
    costMinor: integer("cost_minor").notNull(),
    previousCostMinor: integer("previous_cost_minor"),
    source: text("source", { enum: ["manual", "import", "invoice"] }).notNull(),
    /** The receipt (invoice) or import that set it. */
    refId: text("ref_id"),
    at: text("at").notNull(),
    userId: text("user_id"),
  },
  (t) => [index("vendor_item_costs_item").on(t.vendorId, t.productCode, t.id)],
);

export const purchaseOrders = sqliteTable(
  "purchase_orders",
  {
    id: text("id").primaryKey(),
    number: integer("number").notNull(),
    vendorId: text("vendor_id").notNull(),
    status: text("status", {
      enum: ["draft", "sent", "partly_received", "received", "cancelled"],
    }).notNull(),
    /** The day the vendor promised delivery (YYYY-MM-DD). */
    expectedAt: text("expected_at"),
    note: text("note"),
    userId: text("user_id"),
    createdAt: text("created_at").notNull(),
    sentAt: text("sent_at"),
    /** When it was wholly received or cancelled. */
    closedAt: text("closed_at"),
    /** The request as first received, to tell a repeat from other content under the same id. */
    request: text("request").notNull(),
  },
  (t) => [uniqueIndex("purchase_orders_number").on(t.number), index("purchase_orders_vendor").on(t.vendorId)],
);

export const purchaseOrderLines = sqliteTable(
  "purchase_order_lines",
  {
    orderId: text("order_id").notNull(),
    lineNo: integer("line_no").notNull(),
    productCode: text("product_code").notNull(),
    orderedMilli: integer("ordered_milli").notNull(),
    costMinor: integer("cost_minor").notNull(),
    receivedMilli: integer("received_milli").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orderId, t.lineNo] }),
    index("purchase_order_lines_product").on(t.productCode),
  ],
);

/** A goods receipt from a vendor: the posted stock document `id`, against an order or not. */
export const purchaseReceipts = sqliteTable(
  "purchase_receipts",
  {
    id: text("id").primaryKey(),
    orderId: text("order_id"),
    vendorId: text("vendor_id").notNull(),
    invoiceNumber: text("invoice_number"),
    invoiceDate: text("invoice_date"),
    landedCostMinor: integer("landed_cost_minor").notNull(),
    receivedAt: text("received_at").notNull(),
    userId: text("user_id"),
    request: text("request").notNull(),
  },
  (t) => [index("purchase_receipts_order").on(t.orderId), index("purchase_receipts_vendor").on(t.vendorId)],
);

export const purchaseReceiptLines = sqliteTable(
  "purchase_receipt_lines",
  {
    receiptId: text("receipt_id").notNull(),
    lineNo: integer("line_no").notNull(),
    productCode: text("product_code").notNull(),
    /** What was still open on the order before this receipt (null without an order). */
    openMilli: integer("open_milli"),
    receivedMilli: integer("received_milli").notNull(),
    /** The invoice's (or order's) cost of one unit. */
    costMinor: integer("cost_minor").notNull(),
    /** The line's share of the landed cost. */
    landedMinor: integer("landed_minor").notNull(),
    /** The cost of one unit put on stock: (qty × cost + landed) / qty. */
    unitCostMinor: integer("unit_cost_minor").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.receiptId, t.lineNo] }),
    index("purchase_receipt_lines_product").on(t.productCode),
  ],
);

export const vendorCredits = sqliteTable(
  "vendor_credits",
  {
    id: text("id").primaryKey(),
    number: integer("number").notNull(),
    vendorId: text("vendor_id").notNull(),
    receiptId: text("receipt_id"),
    status: text("status", { enum: ["open", "settled"] }).notNull(),
    totalMinor: integer("total_minor").notNull(),
    note: text("note"),
    userId: text("user_id"),
    createdAt: text("created_at").notNull(),
    settledAt: text("settled_at"),
    settledBy: text("settled_by"),
    /** The vendor's credit note or payment that settled it. */
    settlementRef: text("settlement_ref"),
    request: text("request").notNull(),
  },
  (t) => [uniqueIndex("vendor_credits_number").on(t.number), index("vendor_credits_vendor").on(t.vendorId)],
);

export const vendorCreditLines = sqliteTable(
  "vendor_credit_lines",
  {
    creditId: text("credit_id").notNull(),
    lineNo: integer("line_no").notNull(),
    productCode: text("product_code").notNull(),
    qtyMilli: integer("qty_milli").notNull(),
    reason: text("reason", { enum: ["not_received", "damaged", "expired", "mispriced"] }).notNull(),
    amountMinor: integer("amount_minor").notNull(),
  },
  (t) => [primaryKey({ columns: [t.creditId, t.lineNo] })],
);

export const purchasingSchema = {
  vendors,
  vendorItems,
  vendorItemCosts,
  purchaseOrders,
  purchaseOrderLines,
  purchaseReceipts,
  purchaseReceiptLines,
  vendorCredits,
  vendorCreditLines,
};
