/**
 * The store server's SQLite schema (drizzle). Money in integer minor units, quantities in
 * integer milli-units. Migrations are generated from this file by drizzle-kit into
 * `schema/migrations/store/` and applied at start-up.
 */
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { documentLineColumns, productStockColumns, webhookOutboxColumns } from "./columns.ts";
import { purchasingSchema } from "./store-purchasing.ts";

export * from "./store-purchasing.ts";

import { storeCardTendersSchema } from "./store-card-tenders.ts";
import { storeClosuresSchema } from "./store-closures.ts";
import { storeCustomersSchema } from "./store-customers.ts";
import { storeInvoicesSchema } from "./store-invoices.ts";
import { storeKitchenSchema } from "./store-kitchen.ts";
import { ordersSchema } from "./store-orders.ts";
import { storeRestaurantSchema } from "./store-restaurant.ts";
import { servicesSchema } from "./store-services.ts";

/** Key/value settings and counters owned by the store (store id, settings JSON, …). */
export const meta = sqliteTable("meta", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});

/** Named monotonic counters: receipt numbers per till, Z report numbers, catalog change seq. */
export const counters = sqliteTable("counters", {
  name: text("name").primaryKey(),
  value: integer("value").notNull(),
});

export const departments = sqliteTable("departments", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  taxClass: text("tax_class"),
  changeSeq: integer("change_seq").notNull(),
  /** Open rings to the department (an amount without a product) are allowed at all. */
  openRing: integer("open_ring", { mode: "boolean" }).notNull().default(true),
  /** The largest and smallest amount of one open ring (CORE-POS dept_limit, dept_minimum); null: none. */
  openRingMaxMinor: integer("open_ring_max_minor"),
  openRingMinMinor: integer("open_ring_min_minor"),
  /** The customer's age the department's items need (18, 21…), unless a product says otherwise. */
  minAge: integer("min_age"),
});

export const products = sqliteTable(
  "products",
  {
    code: text("code").primaryKey(),
    name: text("name").notNull(),
    priceMinor: integer("price_minor").notNull(),
    taxClass: text("tax_class"),
    department: text("department"),
    soldByWeight: integer("sold_by_weight", { mode: "boolean" }).notNull().default(false),
    openPrice: integer("open_price", { mode: "boolean" }).notNull().default(false),
    costMinor: integer("cost_minor"),
    unit: text("unit").notNull().default("each"),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    /** The customer's age the product needs (0: none); null: its department's. */
    minAge: integer("min_age"),
    /** The deposit product rung with this one (bottle deposit), linked to its line. */
    depositCode: text("deposit_code"),
    /** May be paid with a tender restricted to SNAP-eligible items (EBT). */
    snapEligible: integer("snap_eligible", { mode: "boolean" }).notNull().default(false),
    /** Each unit sold needs its serial number (the till asks for it). */
    serialised: integer("serialised", { mode: "boolean" }).notNull().default(false),
    /** Catalog change sequence: tills sync everything with a higher seq than they have. */
    changeSeq: integer("change_seq").notNull(),
    updatedAt: text("updated_at").notNull(),
    /** Category (`categories.id`), variant, packs (their barcodes are in `barcodes`), stock limits. */
    ...productStockColumns(),
  },
  (t) => [
    index("products_change_seq").on(t.changeSeq),
    index("products_name").on(t.name),
    index("products_variant_of").on(t.variantOf),
  ],
);

/** Product categories: a tree by `parent`. */
export const categories = sqliteTable("categories", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  parent: text("parent"),
  changeSeq: integer("change_seq").notNull(),
});

/** Every barcode of a product, normalised to GTIN-14 where it is a GS1 code. */
export const barcodes = sqliteTable(
  "barcodes",
  {
    barcode: text("barcode").primaryKey(),
    productCode: text("product_code").notNull(),
    /** A pack's barcode: the base units one scan of it stands for (thousandths); null: the product's own. */
    packQtyMilli: integer("pack_qty_milli"),
  },
  (t) => [index("barcodes_product").on(t.productCode)],
);

export const users = sqliteTable(
  "users",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    /** A built-in role (cashier, supervisor, manager, admin) or a custom one (`roles`). */
    role: text("role").notNull(),
    pinHash: text("pin_hash").notNull(),
    /**
     * HMAC-SHA-256 of the PIN under the key in `pin.key` beside the database (never in it), so
     * a PIN is found without hashing against every user; `pending:<id>` until the user's first
     * log-in or PIN change under the current key (users from head office, and older stores).
     */
    pinTag: text("pin_tag").notNull(),
    failedAttempts: integer("failed_attempts").notNull().default(0),
    lockedUntil: text("locked_until"),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdAt: text("created_at").notNull(),
    /** The user's staff discount on their own purchases, a percent ("10"); null: none. */
    staffDiscountPercent: text("staff_discount_percent"),
  },
  (t) => [index("users_pin_tag").on(t.pinTag)],
);

/**
 * Wrong PINs counted per key, with exponential back-off: `till:<id>` (typed at a till that
 * showed its own token), `anon:<id>` (typed with no token, naming that till), `anon:*` (every
 * anonymous attempt in the store) and `user:<id>` (PINs a user chose that were refused).
 */
export const pinAttempts = sqliteTable("pin_attempts", {
  /** The key counted (the column keeps its first name, `till_id`). */
  tillId: text("till_id").primaryKey(),
  failures: integer("failures").notNull(),
  firstFailedAt: text("first_failed_at").notNull(),
  /** The latest failure: the count is forgotten once the key has been quiet for the window. */
  lastFailedAt: text("last_failed_at"),
  lockedUntil: text("locked_until"),
});

/** Supervisor approvals granted by PIN; a pending approval may be used once, soon after. */
export const approvals = sqliteTable("approvals", {
  id: text("id").primaryKey(),
  action: text("action").notNull(),
  tillId: text("till_id"),
  refId: text("ref_id"),
  requestedBy: text("requested_by"),
  approvedBy: text("approved_by").notNull(),
  at: text("at").notNull(),
  expiresAt: text("expires_at").notNull(),
  usedAt: text("used_at"),
  usedFor: text("used_for"),
});

/**
 * Bearer tokens (stored as SHA-256 hashes): admin tokens, cashier session tokens and tills'
 * device tokens. `label` names an admin token (`bootstrap`: the one given with --admin-token
 * or generated at first start; a new one revokes it). `lastUsedAt` is kept to the minute.
 */
export const apiTokens = sqliteTable("api_tokens", {
  tokenHash: text("token_hash").primaryKey(),
  kind: text("kind", { enum: ["admin", "session", "till"] }).notNull(),
  userId: text("user_id"),
  tillId: text("till_id"),
  label: text("label"),
  createdAt: text("created_at").notNull(),
  lastUsedAt: text("last_used_at"),
  revokedAt: text("revoked_at"),
});

/** One-time till pairing codes (only their hashes): single use, short-lived. */
export const tillPairings = sqliteTable("till_pairings", {
  codeHash: text("code_hash").primaryKey(),
  /** The till it is for, or null: the till names itself when it pairs. */
  tillId: text("till_id"),
  createdBy: text("created_by").notNull(),
  createdAt: text("created_at").notNull(),
  expiresAt: text("expires_at").notNull(),
  usedAt: text("used_at"),
  usedByTill: text("used_by_till"),
});

export const shifts = sqliteTable(
  "shifts",
  {
    id: text("id").primaryKey(),
    tillId: text("till_id").notNull(),
    openedBy: text("opened_by").notNull(),
    openedAt: text("opened_at").notNull(),
    floatMinor: integer("float_minor").notNull(),
    closedAt: text("closed_at"),
    closedBy: text("closed_by"),
    zNumber: integer("z_number"),
    /** The Z report as issued, JSON; never reissued. */
    zReport: text("z_report"),
  },
  (t) => [
    index("shifts_till").on(t.tillId, t.closedAt),
    uniqueIndex("shifts_one_open_per_till").on(t.tillId).where(sql`closed_at IS NULL`),
  ],
);

export const cashMovements = sqliteTable("cash_movements", {
  id: text("id").primaryKey(),
  shiftId: text("shift_id").notNull(),
  kind: text("kind", { enum: ["in", "out"] }).notNull(),
  amountMinor: integer("amount_minor").notNull(),
  reason: text("reason").notNull(),
  userId: text("user_id").notNull(),
  at: text("at").notNull(),
});

export const sales = sqliteTable(
  "sales",
  {
    id: text("id").primaryKey(),
    receiptNo: text("receipt_no").notNull(),
    tillId: text("till_id").notNull(),
    cashierId: text("cashier_id"),
    shiftId: text("shift_id"),
    customerId: text("customer_id"),
    at: text("at").notNull(),
    /** Business day (store local date) the sale counts on in reports. */
    day: text("day").notNull(),
    status: text("status", { enum: ["completed", "voided"] }).notNull(),
    subtotalMinor: integer("subtotal_minor").notNull(),
    discountMinor: integer("discount_minor").notNull(),
    taxMinor: integer("tax_minor").notNull(),
    totalMinor: integer("total_minor").notNull(),
    changeMinor: integer("change_minor").notNull(),
    cashRoundingMinor: integer("cash_rounding_minor").notNull(),
    /** The answer given to the till, replayed verbatim on a retry of the same id. */
    response: text("response").notNull(),
    /** SHA-256 of the request as recorded: a retry must send the same document. */
    requestHash: text("request_hash"),
  },
  (t) => [
    uniqueIndex("sales_receipt_no").on(t.receiptNo),
    index("sales_day").on(t.day),
    index("sales_at").on(t.at),
    index("sales_shift").on(t.shiftId),
  ],
);

export const saleLines = sqliteTable(
  "sale_lines",
  {
    saleId: text("sale_id").notNull(),
    lineNo: integer("line_no").notNull(),
    ...documentLineColumns(),
    /** Quantity already returned against this line. */
    returnedMilli: integer("returned_milli").notNull().default(0),
    /** null: an item; "deposit": a deposit linked to an item; "depositReturn": empties (negative); "giftCard": a gift card sold. */
    kind: text("kind", { enum: ["deposit", "depositReturn", "giftCard"] }),
    /** The unit's lot (GS1 AI 10), expiry `YYYY-MM-DD` (AI 17) and serial (AI 21), when rung. */
    lot: text("lot"),
    expiry: text("expiry"),
    serial: text("serial"),
  },
  (t) => [primaryKey({ columns: [t.saleId, t.lineNo] }), index("sale_lines_serial").on(t.serial)],
);

/** Tenders of sales (positive, money received) and of returns (positive, money paid back). */
export const tenders = sqliteTable(
  "tenders",
  {
    docId: text("doc_id").notNull(),
    idx: integer("idx").notNull(),
    docKind: text("doc_kind", { enum: ["sale", "return"] }).notNull(),
    type: text("type").notNull(),
    amountMinor: integer("amount_minor").notNull(),
    day: text("day").notNull(),
    shiftId: text("shift_id"),
  },
  (t) => [
    primaryKey({ columns: [t.docId, t.idx] }),
    index("tenders_day").on(t.day),
    index("tenders_shift").on(t.shiftId),
  ],
);

export const saleTaxes = sqliteTable(
  "sale_taxes",
  {
    docId: text("doc_id").notNull(),
    docKind: text("doc_kind", { enum: ["sale", "return"] }).notNull(),
    taxClass: text("tax_class").notNull(),
    rate: text("rate").notNull(),
    baseMinor: integer("base_minor").notNull(),
    taxMinor: integer("tax_minor").notNull(),
    day: text("day").notNull(),
  },
  (t) => [primaryKey({ columns: [t.docId, t.taxClass] }), index("sale_taxes_day").on(t.day)],
);

export const returns = sqliteTable(
  "returns",
  {
    id: text("id").primaryKey(),
    receiptNo: text("receipt_no").notNull(),
    originalSaleId: text("original_sale_id"),
    tillId: text("till_id").notNull(),
    cashierId: text("cashier_id"),
    approvedBy: text("approved_by"),
    shiftId: text("shift_id"),
    at: text("at").notNull(),
    day: text("day").notNull(),
    subtotalMinor: integer("subtotal_minor").notNull(),
    discountMinor: integer("discount_minor").notNull(),
    taxMinor: integer("tax_minor").notNull(),
    totalMinor: integer("total_minor").notNull(),
    response: text("response").notNull(),
  },
  (t) => [
    index("returns_day").on(t.day),
    index("returns_original").on(t.originalSaleId),
    index("returns_shift").on(t.shiftId),
  ],
);

export const returnLines = sqliteTable(
  "return_lines",
  {
    returnId: text("return_id").notNull(),
    lineNo: integer("line_no").notNull(),
    originalLineNo: integer("original_line_no"),
    ...documentLineColumns(),
  },
  (t) => [primaryKey({ columns: [t.returnId, t.lineNo] })],
);

export const heldSales = sqliteTable("held_sales", {
  id: text("id").primaryKey(),
  tillId: text("till_id").notNull(),
  cashierId: text("cashier_id"),
  label: text("label"),
  heldAt: text("held_at").notNull(),
  basket: text("basket").notNull(),
  /** The sale's audit entries (JSON array) when it was held; null for none (and for older rows). */
  audit: text("audit"),
});

export const stockMovements = sqliteTable(
  "stock_movements",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    productCode: text("product_code").notNull(),
    /** Signed: negative for sales, positive for returns and receipts. */
    qtyMilli: integer("qty_milli").notNull(),
    kind: text("kind", {
      enum: [
        "sale",
        "return",
        "adjustment",
        "void",
        "count",
        "receipt",
        "issue",
        "writeoff",
        "transfer_out",
        "transfer_in",
      ],
    }).notNull(),
    refId: text("ref_id"),
    reason: text("reason"),
    userId: text("user_id"),
    at: text("at").notNull(),
    /** Where in the store the stock moved (sales and older rows: the shop floor). */
    location: text("location").notNull().default("floor"),
    /** The lot (batch) and its expiry day (YYYY-MM-DD), when known. */
    lot: text("lot"),
    expiry: text("expiry"),
    /** A receipt's cost per unit, in minor units. */
    unitCostMinor: integer("unit_cost_minor"),
    /** Signed change of the stock's value by this movement (cost of goods out, value in; docs/stock.md). */
    valueMinor: integer("value_minor"),
    /** Cost adjustment settled by goods arriving for stock sold below zero (cost of goods). */
    settledMinor: integer("settled_minor"),
    /** The sale line ("saleId:lineNo") a sale takes goods for, or a return or void brings back. */
    saleLine: text("sale_line"),
    /** The product's on-hand quantity and value after this movement: valuation at a date reads one row per product. */
    onHandAfterMilli: integer("on_hand_after_milli"),
    valueAfterMinor: integer("value_after_minor"),
  },
  (t) => [
    index("stock_movements_product").on(t.productCode),
    index("stock_movements_product_location").on(t.productCode, t.location, t.lot),
    index("stock_movements_product_at").on(t.productCode, t.at),
    index("stock_movements_sale_line").on(t.saleLine),
    index("stock_movements_at").on(t.at, t.kind, t.productCode, t.valueMinor, t.settledMinor),
  ],
);

export const stockLevels = sqliteTable("stock_levels", {
  productCode: text("product_code").primaryKey(),
  onHandMilli: integer("on_hand_milli").notNull(),
  /** Goods sold below zero not yet arrived, and their provisional cost (docs/stock.md). */
  backlogMilli: integer("backlog_milli").notNull().default(0),
  backlogMinor: integer("backlog_minor").notNull().default(0),
  /** The last known cost of one unit; null before any. */
  lastUnitCostMinor: integer("last_unit_cost_minor"),
});

/** Cost layers on hand per product (average keeps one), so costing a sale reads only its products' layers. */
export const stockLayers = sqliteTable(
  "stock_layers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    productCode: text("product_code").notNull(),
    location: text("location"),
    lot: text("lot"),
    qtyMilli: integer("qty_milli").notNull(),
    valueMinor: integer("value_minor").notNull(),
    receivedAt: text("received_at"),
  },
  (t) => [index("stock_layers_product").on(t.productCode, t.id)],
);

/**
 * Stock documents (counts so far): a draft may be edited away by a repeat of its id, a posted
 * one is kept as it was posted. `number` counts documents of the store from 1.
 */
export const stockDocuments = sqliteTable(
  "stock_documents",
  {
    id: text("id").primaryKey(),
    number: integer("number").notNull(),
    type: text("type", {
      enum: ["receipt", "issue", "writeoff", "count", "adjustment", "transfer_out", "transfer_in"],
    }).notNull(),
    status: text("status", { enum: ["draft", "posted"] }).notNull(),
    location: text("location"),
    reason: text("reason"),
    /** Who counted (made the document) and when. */
    userId: text("user_id"),
    createdAt: text("created_at").notNull(),
    postedBy: text("posted_by"),
    postedAt: text("posted_at"),
    /** The request as first received, to tell a repeat from a different document with the same id. */
    request: text("request").notNull(),
    /** A transfer_out's receiving store. */
    toStore: text("to_store"),
    /** A transfer_in's transfer (the id of the transfer_out document). */
    transferId: text("transfer_id"),
    /** Who approved an adjustment. */
    approvedBy: text("approved_by"),
    /** A count's mode (full, partial, cycle; null: partial) and the time it was counted (null: when made). */
    mode: text("mode", { enum: ["full", "partial", "cycle"] }),
    countedAt: text("counted_at"),
    /** A full count's scope within its location: one department or category (and its subcategories). */
    department: text("department"),
    category: text("category"),
  },
  (t) => [uniqueIndex("stock_documents_number").on(t.number)],
);

/**
 * Lines of a stock document. `counted` is the line's quantity (for a count, the quantity counted;
 * for an adjustment, signed). `system` (on hand before) and `difference` are set when it is posted.
 */
export const stockDocumentLines = sqliteTable(
  "stock_document_lines",
  {
    documentId: text("document_id").notNull(),
    lineNo: integer("line_no").notNull(),
    productCode: text("product_code").notNull(),
    countedMilli: integer("counted_milli").notNull(),
    systemMilli: integer("system_milli"),
    differenceMilli: integer("difference_milli"),
    movementId: integer("movement_id"),
    /** The line's location, when it differs from the document's. */
    location: text("location"),
    lot: text("lot"),
    expiry: text("expiry"),
    unitCostMinor: integer("unit_cost_minor"),
    /** A transfer_in line: the quantity the sending store sent. */
    expectedMilli: integer("expected_milli"),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.lineNo] })],
);

/**
 * Minimum and maximum stock of a product at one location of the store, set at the store. A
 * product with limits here is listed below its minimum location by location, instead of by
 * its store-wide limits from the catalog (docs/stock.md).
 */
export const stockLimits = sqliteTable(
  "stock_limits",
  {
    productCode: text("product_code").notNull(),
    location: text("location").notNull(),
    minMilli: integer("min_milli").notNull(),
    /** Null: no maximum; below the minimum, order up to the minimum. */
    maxMilli: integer("max_milli"),
    userId: text("user_id"),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.productCode, t.location] })],
);

/**
 * Serial numbers received on stock documents: one row per unit, `in_stock` until a sale of its
 * serial (`sold`) and again after its return (`returned`).
 */
export const stockSerials = sqliteTable(
  "stock_serials",
  {
    serial: text("serial").notNull(),
    productCode: text("product_code").notNull(),
    documentId: text("document_id").notNull(),
    status: text("status", { enum: ["in_stock", "sold", "returned"] }).notNull(),
    receivedAt: text("received_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.productCode, t.serial] }), index("stock_serials_serial").on(t.serial)],
);

export const audit = sqliteTable(
  "audit",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: text("at").notNull(),
    action: text("action").notNull(),
    userId: text("user_id"),
    tillId: text("till_id"),
    approvedBy: text("approved_by"),
    refId: text("ref_id"),
    detail: text("detail"),
  },
  (t) => [index("audit_user_at").on(t.userId, t.at), index("audit_at").on(t.at)],
);

/**
 * Differences between a till's sale as rung and the store's catalog when it was recorded: the
 * sale is kept as rung, each difference is listed here for a manager to look at.
 */
export const priceExceptions = sqliteTable(
  "price_exceptions",
  {
    saleId: text("sale_id").notNull(),
    lineNo: integer("line_no").notNull(),
    kind: text("kind", { enum: ["price", "tax", "unknown", "inactive", "department", "serial"] }).notNull(),
    code: text("code").notNull(),
    receiptNo: text("receipt_no").notNull(),
    tillId: text("till_id").notNull(),
    at: text("at").notNull(),
    day: text("day").notNull(),
    /** What the till rang: the unit price, or the line's tax for a tax difference. */
    rungMinor: integer("rung_minor").notNull(),
    /** What the store's catalog says; null when the product is unknown to the store. */
    catalogMinor: integer("catalog_minor"),
    detail: text("detail"),
  },
  (t) => [primaryKey({ columns: [t.saleId, t.lineNo, t.kind] }), index("price_exceptions_at").on(t.at)],
);

/**
 * Sales a till kept that the store refused (an inconsistent or malformed document), as the
 * till reported them: nothing paid is left unseen. Cleared when the sale is recorded.
 */
export const refusedTillSales = sqliteTable(
  "refused_till_sales",
  {
    saleId: text("sale_id").primaryKey(),
    tillId: text("till_id").notNull(),
    receiptNo: text("receipt_no").notNull(),
    reportedAt: text("reported_at").notNull(),
    reportedBy: text("reported_by"),
    error: text("error").notNull(),
    totalMinor: integer("total_minor"),
    body: text("body").notNull(),
    resolvedAt: text("resolved_at"),
  },
  (t) => [index("refused_till_sales_till").on(t.tillId)],
);

/**
 * The store's event journal and transactional outbox: append-only, one row per change, with a
 * per-store sequence number and a SHA-256 hash chain over the previous event.
 */
export const events = sqliteTable(
  "events",
  {
    seq: integer("seq").primaryKey(),
    id: text("id").notNull(),
    type: text("type").notNull(),
    version: integer("version").notNull(),
    at: text("at").notNull(),
    payload: text("payload").notNull(),
    prevHash: text("prev_hash"),
    hash: text("hash").notNull(),
  },
  (t) => [
    uniqueIndex("events_id").on(t.id),
    // A product's catalog history: what it cost when a till's sale was made (price exceptions).
    index("events_product_code")
      .on(sql`json_extract(${t.payload}, '$.code')`, t.seq)
      .where(sql`${t.type} = 'product.upserted'`),
  ],
);

/**
 * Notifications waiting for the webhook (e-mail receipts): a durable outbox, so a delivery
 * survives a restart. A row is deleted once delivered or given up: what it carries (an e-mail
 * address) is kept no longer than the delivery needs.
 */
export const notificationOutbox = sqliteTable("notification_outbox", webhookOutboxColumns(), (t) => [
  index("notification_outbox_next_at").on(t.nextAt),
]);

export * from "./store-card-tenders.ts";
export * from "./store-cash-book.ts";
export * from "./store-closures.ts";
export * from "./store-customers.ts";
export * from "./store-deliveries.ts";
export * from "./store-earning-reversals.ts";
export * from "./store-fiscal.ts";
export * from "./store-fiscal-receipts.ts";
export * from "./store-gift-card-loads.ts";
export * from "./store-invoices.ts";
export * from "./store-kitchen.ts";
export * from "./store-labels.ts";
export * from "./store-orders.ts";
export * from "./store-promotions.ts";
export * from "./store-restaurant.ts";
export * from "./store-roles.ts";
export * from "./store-scales.ts";
export * from "./store-services.ts";
export * from "./store-tenders.ts";

export const storeSchema = {
  ...storeCustomersSchema,
  ...storeCardTendersSchema,
  ...storeClosuresSchema,
  meta,
  counters,
  departments,
  products,
  barcodes,
  users,
  pinAttempts,
  approvals,
  apiTokens,
  tillPairings,
  shifts,
  cashMovements,
  sales,
  saleLines,
  tenders,
  saleTaxes,
  returns,
  returnLines,
  heldSales,
  stockMovements,
  stockLevels,
  stockLayers,
  stockDocuments,
  stockDocumentLines,
  stockSerials,
  stockLimits,
  audit,
  priceExceptions,
  refusedTillSales,
  events,
  notificationOutbox,
  ...purchasingSchema,
  ...ordersSchema,
  ...storeInvoicesSchema,
  ...storeKitchenSchema,
  ...servicesSchema,
  ...storeRestaurantSchema,
};

export const nowSql = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;
