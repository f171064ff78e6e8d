/**
 * Columns several databases share. A priced document line (of a sale or a return) has the same
 * shape at the store and at head office, as in the `sale.completed` / `return.recorded` events.
 * Drizzle column builders belong to one table, so each call makes new ones.
 */
import { integer, text } from "drizzle-orm/sqlite-core";

export function documentLineColumns() {
  return {
    code: text("code").notNull(),
    name: text("name").notNull(),
    department: text("department"),
    taxClass: text("tax_class"),
    qtyMilli: integer("qty_milli").notNull(),
    unitPriceMinor: integer("unit_price_minor").notNull(),
    extendedMinor: integer("extended_minor").notNull(),
    discountMinor: integer("discount_minor").notNull(),
    taxMinor: integer("tax_minor").notNull(),
    totalMinor: integer("total_minor").notNull(),
  };
}

/**
 * A product's stock fields, the same at the store and at head office: its category, the product
 * it is a variant of and the variant's attributes (JSON object), its packs (JSON array of
 * `{barcode?, name, qty}`), and the stock to keep (milli-units; below the minimum it is listed to
 * reorder up to the maximum).
 */
export function productStockColumns() {
  return {
    category: text("category"),
    variantOf: text("variant_of"),
    variant: text("variant"),
    packs: text("packs"),
    minStockMilli: integer("min_stock_milli"),
    maxStockMilli: integer("max_stock_milli"),
  };
}

/**
 * A customer's contact columns, the same at head office and in a store's copy: the name (and its
 * lower-case form for searching), the phone (`+` and digits), the e-mail (lower case) and the
 * birthday (YYYY-MM-DD).
 */
export function customerContactColumns() {
  return {
    name: text("name").notNull(),
    nameKey: text("name_key").notNull(),
    phone: text("phone"),
    email: text("email"),
    birthday: text("birthday"),
  };
}

/**
 * A signed webhook delivery waiting in an outbox (the store's notifications, the web shop's
 * webhooks): its id, event, the body exactly as posted (and signed) on every attempt, failed
 * attempts so far, when the next is due (ISO 8601), and the last error.
 */
export function webhookOutboxColumns() {
  return {
    deliveryId: text("delivery_id").primaryKey(),
    event: text("event").notNull(),
    body: text("body").notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAt: text("next_at").notNull(),
    createdAt: text("created_at").notNull(),
    lastError: text("last_error"),
  };
}

/**
 * A webhook endpoint (the store's web shop hooks, head office's chain hooks): its URL, the
 * events it takes (a JSON array, `*` for all), its secret, and whether it is parked (with why
 * and since when) after a delivery ran out of attempts.
 */
export function webhookEndpointColumns() {
  return {
    id: text("id").primaryKey(),
    url: text("url").notNull(),
    events: text("events").notNull(),
    secret: text("secret").notNull(),
    status: text("status", { enum: ["active", "parked"] }).notNull(),
    parkedReason: text("parked_reason"),
    parkedAt: text("parked_at"),
    createdAt: text("created_at").notNull(),
  };
}
