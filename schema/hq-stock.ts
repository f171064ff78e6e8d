/**
 * Head office's view of each store's stock, rebuilt from replicated events: on hand per store,
 * product and location (sales, voids, returns, adjustments and posted stock documents), and
 * the stock documents themselves, so transfers between stores can be followed and handed to
 * the receiving store. Quantities in integer milli-units, times ISO 8601 UTC.
 */
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** On hand per store, product and location, as the store's own stock levels. */
export const hqStock = sqliteTable(
  "hq_stock",
  {
    storeId: text("store_id").notNull(),
    code: text("code").notNull(),
    location: text("location").notNull(),
    qtyMilli: integer("qty_milli").notNull(),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.code, t.location] }), index("hq_stock_code").on(t.code)],
);

/** Each posted stock document of each store (its `stock.document_posted` payload). */
export const hqStockDocuments = sqliteTable(
  "hq_stock_documents",
  {
    id: text("id").primaryKey(),
    storeId: text("store_id").notNull(),
    number: integer("number").notNull(),
    type: text("type").notNull(),
    /** transfer_out: the receiving store. */
    toStore: text("to_store"),
    /** transfer_in: the transfer_out document received. */
    transferId: text("transfer_id"),
    postedAt: text("posted_at").notNull(),
    /** The event's payload as canonical JSON. */
    payload: text("payload").notNull(),
  },
  (t) => [
    index("hq_stock_documents_to_store").on(t.toStore, t.type),
    index("hq_stock_documents_transfer").on(t.transferId),
  ],
);

/**
 * Each store's minimum and maximum stock per product and location, from its
 * `stock.limits_changed` events (a cleared limit is deleted).
 */
export const hqStockLimits = sqliteTable(
  "hq_stock_limits",
  {
    storeId: text("store_id").notNull(),
    code: text("code").notNull(),
    location: text("location").notNull(),
    minMilli: integer("min_milli").notNull(),
    maxMilli: integer("max_milli"),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.code, t.location] })],
);

export const hqStockSchema = { hqStock, hqStockDocuments, hqStockLimits };
