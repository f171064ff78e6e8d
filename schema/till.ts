/**
 * The till's own SQLite (drizzle): a read-only copy of the store's catalog and settings, the
 * cashiers this till has seen log in (for offline log-in), and the outbox of completed sales
 * waiting to reach the store. Migrations are generated from this file by drizzle-kit into
 * `schema/migrations/till/` and applied at start-up.
 */
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** Key/value state: settings JSON, catalog seq, store id, session token, receipt counter. */
export const tillMeta = sqliteTable("meta", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});

/**
 * The store's catalog as last synced; `changeSeq` is the store's catalog sequence. `id` is the
 * till's own row number: the name search index (`products_fts`, made by a hand-written
 * migration since drizzle has no FTS5 tables) refers to rows by it, so it must never change,
 * which an implicit rowid may do on VACUUM.
 */
export const tillProducts = sqliteTable("products", {
  id: integer("id").primaryKey(),
  code: text("code").notNull().unique(),
  name: text("name").notNull(),
  priceMinor: integer("price_minor").notNull(),
  taxClass: text("tax_class"),
  department: text("department"),
  soldByWeight: integer("sold_by_weight", { mode: "boolean" }).notNull().default(false),
  openPrice: integer("open_price", { mode: "boolean" }).notNull().default(false),
  unit: text("unit").notNull().default("each"),
  active: integer("active", { mode: "boolean" }).notNull().default(true),
  changeSeq: integer("change_seq").notNull(),
  /** The customer's age the product needs (0: none); null: its department's. */
  minAge: integer("min_age"),
  depositCode: text("deposit_code"),
  snapEligible: integer("snap_eligible", { mode: "boolean" }).notNull().default(false),
  serialised: integer("serialised", { mode: "boolean" }).notNull().default(false),
  /** The product's category (promotions on a category meet it); null: none. */
  category: text("category"),
});

/** Barcodes as the store keys them: GS1 codes as GTIN-14, others as typed. */
export const tillBarcodes = sqliteTable(
  "barcodes",
  {
    barcode: text("barcode").primaryKey(),
    productCode: text("product_code").notNull(),
    /** A pack's barcode: the base units one scan rings (thousandths); null: the product's own. */
    packQtyMilli: integer("pack_qty_milli"),
  },
  (t) => [index("barcodes_product").on(t.productCode)],
);

/** Cashiers who logged in at this till while it reached the store, with a hash of their PIN. */
export const tillCashiers = sqliteTable("cashiers", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  /** A built-in role or a custom one from head office. */
  role: text("role").notNull(),
  /** JSON array of the role's permissions as the store last said (null: the built-in role's). */
  permissions: text("permissions"),
  maxDiscountPercent: integer("max_discount_percent"),
  /** Bun.password (argon2id) hash of the PIN that last worked at the store. */
  pinHash: text("pin_hash").notNull(),
  lastSeenAt: text("last_seen_at").notNull(),
});

/**
 * Completed sales in the order they completed (`seq`), each the body of the store's
 * `POST /sales`. `pending` until the store answers 2xx (`sent`) or refuses it with 4xx
 * (`rejected`, kept with the store's error for a manager; never resent automatically).
 */
export const tillOutbox = sqliteTable(
  "outbox",
  {
    seq: integer("seq").primaryKey({ autoIncrement: true }),
    saleId: text("sale_id").notNull().unique(),
    receiptNo: text("receipt_no").notNull(),
    body: text("body").notNull(),
    status: text("status", { enum: ["pending", "sent", "rejected"] })
      .notNull()
      .default("pending"),
    createdAt: text("created_at").notNull(),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    sentAt: text("sent_at"),
    /**
     * What the row carries: a completed sale, a sale cancelled before payment, cashier actions,
     * or a customer created while the store was out of reach (sent before the sales after it).
     */
    kind: text("kind", { enum: ["sale", "cancellation", "audit", "customer"] })
      .notNull()
      .default("sale"),
    /** When a refused sale was reported to the store (for its list of refused till sales). */
    reportedAt: text("reported_at"),
  },
  (t) => [index("outbox_status").on(t.status, t.seq), index("outbox_receipt").on(t.receiptNo)],
);

/**
 * Every document the till printed (receipts, shift reports), written before it goes to the
 * printer, so any of them can be printed again after a restart. A reprint is an entry of its
 * own (`copyOf` the original) with who asked for it and when: the till's audit of reprints.
 */
export const tillPrintJournal = sqliteTable(
  "print_journal",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind", { enum: ["receipt", "report"] }).notNull(),
    /** The receipt's number; null for reports. */
    receiptNo: text("receipt_no"),
    title: text("title").notNull(),
    /** The document as JSON (a ReceiptDoc or ShiftReportDoc, never marked as a copy). */
    doc: text("doc").notNull(),
    copyOf: integer("copy_of"),
    cashierId: text("cashier_id"),
    at: text("at").notNull(),
  },
  (t) => [index("print_journal_receipt").on(t.receiptNo), index("print_journal_copy_of").on(t.copyOf)],
);

/**
 * The video feed's queue: events kept per sink in the order they happened until the sink took
 * them (bounded per sink; the oldest dropped beyond it and counted in `video_dropped`).
 */
export const tillVideoQueue = sqliteTable(
  "video_queue",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    sink: text("sink").notNull(),
    /** The VideoEvent as JSON. */
    body: text("body").notNull(),
  },
  (t) => [index("video_queue_sink").on(t.sink, t.id)],
);

/** Events dropped for a sink since it was last told. */
export const tillVideoDropped = sqliteTable("video_dropped", {
  sink: text("sink").primaryKey(),
  count: integer("count").notNull(),
});

/** The till's last video event number (one row), kept across restarts. */
export const tillVideoSeq = sqliteTable("video_seq", {
  id: integer("id").primaryKey(),
  seq: integer("seq").notNull(),
});
