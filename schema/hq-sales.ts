/**
 * Head office tables filled by replication (store → HQ): every ingested store event keyed by
 * its event id, each store's replication state (last applied sequence, last event time, the
 * gap it waits on), events parked behind a gap, dead letters with their reason, and the sales,
 * returns, tenders and taxes rebuilt from `sale.completed`, `sale.voided` and
 * `return.recorded` so head office reports match each store's own daily report exactly.
 * Money in integer minor units, quantities in integer milli-units, times ISO 8601 UTC.
 */
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { documentLineColumns } from "./columns.ts";

/** Every event applied at HQ, once: the event id is the idempotency key. */
export const ingestedEvents = sqliteTable(
  "ingested_events",
  {
    id: text("id").primaryKey(),
    storeId: text("store_id").notNull(),
    seq: integer("seq").notNull(),
    type: text("type").notNull(),
    version: integer("version").notNull(),
    /** When the store wrote the event. */
    at: text("at").notNull(),
    /** The payload as canonical JSON. */
    payload: text("payload").notNull(),
    prevHash: text("prev_hash"),
    hash: text("hash").notNull(),
    /** When HQ applied it. */
    appliedAt: text("applied_at").notNull(),
  },
  (t) => [uniqueIndex("ingested_events_store_seq").on(t.storeId, t.seq)],
);

/** Per store: how far HQ has applied its journal, and the gap it waits on, if any. */
export const storeReplication = sqliteTable("store_replication", {
  storeId: text("store_id").primaryKey(),
  /** Highest sequence applied without a gap (0 before the first event). */
  lastSeq: integer("last_seq").notNull(),
  /** Hash of the event at lastSeq: the next event's prevHash must equal it. */
  lastHash: text("last_hash"),
  /** The store's time of the event at lastSeq. */
  lastEventAt: text("last_event_at"),
  /** HQ's time when lastSeq was applied. */
  appliedAt: text("applied_at"),
  /** The first missing sequence (lastSeq + 1) while later events wait parked behind it, or null. */
  gapFromSeq: integer("gap_from_seq"),
  /** Since when HQ has waited on the gap. */
  gapSince: text("gap_since"),
});

/** Events that arrived ahead of a gap in their store's sequence, waiting for it to fill. */
export const parkedEvents = sqliteTable(
  "parked_events",
  {
    storeId: text("store_id").notNull(),
    seq: integer("seq").notNull(),
    id: text("id").notNull(),
    /** The validated event as JSON. */
    event: text("event").notNull(),
    receivedAt: text("received_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.seq] })],
);

/**
 * Messages HQ refused to apply, with the reason. One that is a store's next event holds back
 * that store's later events (parked) until an operator retries it after a fix or discards it;
 * either is recorded here (who, when, and a discard's reason), and the row stays.
 */
export const deadLetters = sqliteTable(
  "dead_letters",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** The store named by the subject (null when the subject names none). */
    storeId: text("store_id"),
    subject: text("subject").notNull(),
    /** The event id and sequence when the message carried readable ones. */
    eventId: text("event_id"),
    seq: integer("seq"),
    /** Stable reason code: INVALID_JSON, INVALID_EVENT, STORE_MISMATCH, TYPE_MISMATCH, … */
    reason: text("reason").notNull(),
    message: text("message").notNull(),
    /** The message body as received (at most 64 KiB of it). */
    data: text("data").notNull(),
    receivedAt: text("received_at").notNull(),
    /** null while open; "retried" (applied on retry), "redelivered" (applied when sent again) or "discarded". */
    resolution: text("resolution", { enum: ["retried", "redelivered", "discarded"] }),
    resolvedAt: text("resolved_at"),
    /** The token name of the operator who retried or discarded it. */
    resolvedBy: text("resolved_by"),
    /** A discard's reason, as the operator gave it. */
    note: text("note"),
  },
  (t) => [
    index("dead_letters_store").on(t.storeId, t.id),
    uniqueIndex("dead_letters_subject_event").on(t.subject, t.eventId, t.reason),
  ],
);

/** Completed sales of every store; `status` turns to voided on `sale.voided`. */
export const hqSales = sqliteTable(
  "hq_sales",
  {
    id: text("id").primaryKey(),
    storeId: text("store_id").notNull(),
    eventId: text("event_id").notNull(),
    receiptNo: text("receipt_no").notNull(),
    tillId: text("till_id").notNull(),
    cashierId: text("cashier_id"),
    shiftId: text("shift_id"),
    customerId: text("customer_id"),
    at: text("at").notNull(),
    /** Business day (store local date) the sale counts on in reports. */
    day: text("day").notNull(),
    currency: text("currency").notNull(),
    status: text("status", { enum: ["completed", "voided"] }).notNull(),
    subtotalMinor: integer("subtotal_minor").notNull(),
    discountMinor: integer("discount_minor").notNull(),
    taxMinor: integer("tax_minor").notNull(),
    totalMinor: integer("total_minor").notNull(),
    changeMinor: integer("change_minor").notNull(),
    cashRoundingMinor: integer("cash_rounding_minor").notNull(),
    voidedAt: text("voided_at"),
    voidedBy: text("voided_by"),
    voidReason: text("void_reason"),
  },
  (t) => [
    // Reports ask for a range of days, for the chain or one store: one index serves both (each
    // index is written with every sale HQ ingests).
    index("hq_sales_day_store").on(t.day, t.storeId),
    index("hq_sales_receipt").on(t.receiptNo),
    index("hq_sales_customer").on(t.customerId),
  ],
);

export const hqSaleLines = sqliteTable(
  "hq_sale_lines",
  {
    saleId: text("sale_id").notNull(),
    lineNo: integer("line_no").notNull(),
    ...documentLineColumns(),
  },
  (t) => [primaryKey({ columns: [t.saleId, t.lineNo] })],
);

/** Tenders of sales (money received) and of returns (money paid back), both positive. */
export const hqTenders = sqliteTable(
  "hq_tenders",
  {
    docId: text("doc_id").notNull(),
    idx: integer("idx").notNull(),
    docKind: text("doc_kind", { enum: ["sale", "return"] }).notNull(),
    storeId: text("store_id").notNull(),
    type: text("type").notNull(),
    amountMinor: integer("amount_minor").notNull(),
    day: text("day").notNull(),
  },
  (t) => [primaryKey({ columns: [t.docId, t.idx] }), index("hq_tenders_store_day").on(t.storeId, t.day)],
);

/** Tax per class and rate of sales and returns. */
export const hqSaleTaxes = sqliteTable(
  "hq_sale_taxes",
  {
    docId: text("doc_id").notNull(),
    docKind: text("doc_kind", { enum: ["sale", "return"] }).notNull(),
    storeId: text("store_id").notNull(),
    taxClass: text("tax_class").notNull(),
    rate: text("rate").notNull(),
    baseMinor: integer("base_minor").notNull(),
    taxMinor: integer("tax_minor").notNull(),
    day: text("day").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.docId, t.taxClass, t.rate] }),
    index("hq_sale_taxes_store_day").on(t.storeId, t.day),
  ],
);

export const hqReturns = sqliteTable(
  "hq_returns",
  {
    id: text("id").primaryKey(),
    storeId: text("store_id").notNull(),
    eventId: text("event_id").notNull(),
    receiptNo: text("receipt_no").notNull(),
    originalSaleId: text("original_sale_id"),
    originalReceiptNo: text("original_receipt_no"),
    tillId: text("till_id").notNull(),
    cashierId: text("cashier_id"),
    approvedBy: text("approved_by"),
    shiftId: text("shift_id"),
    customerId: text("customer_id"),
    at: text("at").notNull(),
    day: text("day").notNull(),
    currency: text("currency").notNull(),
    subtotalMinor: integer("subtotal_minor").notNull(),
    discountMinor: integer("discount_minor").notNull(),
    taxMinor: integer("tax_minor").notNull(),
    totalMinor: integer("total_minor").notNull(),
    cashRoundingMinor: integer("cash_rounding_minor").notNull(),
    reason: text("reason"),
  },
  (t) => [
    index("hq_returns_store_day").on(t.storeId, t.day),
    index("hq_returns_original").on(t.originalSaleId),
  ],
);

export const hqReturnLines = sqliteTable(
  "hq_return_lines",
  {
    returnId: text("return_id").notNull(),
    lineNo: integer("line_no").notNull(),
    originalLineNo: integer("original_line_no"),
    ...documentLineColumns(),
  },
  (t) => [primaryKey({ columns: [t.returnId, t.lineNo] })],
);

/** Price exceptions of the stores' till sales (`exception.recorded`): kept as rung, listed here. */
export const hqPriceExceptions = sqliteTable(
  "hq_price_exceptions",
  {
    storeId: text("store_id").notNull(),
    saleId: text("sale_id").notNull(),
    lineNo: integer("line_no").notNull(),
    kind: text("kind", { enum: ["price", "tax", "unknown", "inactive", "department", "serial"] }).notNull(),
    code: text("code").notNull(),
    receiptNo: text("receipt_no").notNull(),
    tillId: text("till_id").notNull(),
    at: text("at").notNull(),
    day: text("day").notNull(),
    rungMinor: integer("rung_minor").notNull(),
    catalogMinor: integer("catalog_minor"),
    detail: text("detail"),
  },
  (t) => [
    primaryKey({ columns: [t.saleId, t.lineNo, t.kind] }),
    index("hq_price_exceptions_store_day").on(t.storeId, t.day),
  ],
);

export const hqSalesSchema = {
  ingestedEvents,
  storeReplication,
  parkedEvents,
  deadLetters,
  hqSales,
  hqSaleLines,
  hqTenders,
  hqSaleTaxes,
  hqReturns,
  hqReturnLines,
  hqPriceExceptions,
};
