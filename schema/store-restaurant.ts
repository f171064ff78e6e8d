/**
 * The restaurant mode: the floor (areas and tables), the orders at a table with their lines per
 * seat, the rounds sent to the kitchen, and the checks a table's order is paid by.
 */
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** A table of the floor plan. */
export const diningTables = sqliteTable("dining_tables", {
  id: text("id").primaryKey(),
  area: text("area").notNull(),
  name: text("name").notNull(),
  seats: integer("seats").notNull(),
  /** Where the area orders its tables on the map (the order they were made). */
  position: integer("position").notNull(),
});

/** An order at a table (or a takeaway order without one), opened by a waiter. */
export const tableOrders = sqliteTable(
  "table_orders",
  {
    id: text("id").primaryKey(),
    /** Null for a takeaway order. */
    tableId: text("table_id"),
    waiterId: text("waiter_id").notNull(),
    status: text("status", { enum: ["open", "billed", "paid", "merged"] }).notNull(),
    takeaway: integer("takeaway", { mode: "boolean" }).notNull(),
    guests: integer("guests").notNull(),
    openedAt: text("opened_at").notNull(),
    billedAt: text("billed_at"),
    closedAt: text("closed_at"),
    /** The order this one was merged into. */
    mergedInto: text("merged_into"),
  },
  (t) => [index("table_orders_table").on(t.tableId, t.status)],
);

/** A line of an order: a product for a seat and a course, with its modifiers (products) and note. */
export const tableOrderLines = sqliteTable(
  "table_order_lines",
  {
    id: text("id").primaryKey(),
    orderId: text("order_id").notNull(),
    position: integer("position").notNull(),
    seat: integer("seat").notNull(),
    course: integer("course").notNull(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    qtyMilli: integer("qty_milli").notNull(),
    unitPriceMinor: integer("unit_price_minor").notNull(),
    taxClass: text("tax_class"),
    categoryId: text("category_id"),
    /** Priced modifiers as JSON [{code, name, unitPriceMinor, taxClass}]. */
    modifiers: text("modifiers").notNull(),
    note: text("note"),
    /** The round that sent it to the kitchen; null until sent. */
    roundId: text("round_id"),
    firedAt: text("fired_at"),
    /** The check it is paid by, once the order is split or billed. */
    checkId: text("check_id"),
  },
  (t) => [index("table_order_lines_order").on(t.orderId)],
);

/** What went to the kitchen: a round of new lines, or a course fired. */
export const tableRounds = sqliteTable(
  "table_rounds",
  {
    id: text("id").primaryKey(),
    orderId: text("order_id").notNull(),
    kind: text("kind", { enum: ["round", "fire"] }).notNull(),
    /** The course fired (kind "fire"); null for a round. */
    course: integer("course"),
    tableName: text("table_name"),
    waiterId: text("waiter_id").notNull(),
    at: text("at").notNull(),
    /** The round's lines as JSON (see src/api/store/restaurant.ts, tableRoundSchema). */
    lines: text("lines").notNull(),
  },
  (t) => [index("table_rounds_order").on(t.orderId)],
);

/** A check of an order: its document as priced, its equal parts, and the sale that paid it. */
export const tableChecks = sqliteTable(
  "table_checks",
  {
    id: text("id").primaryKey(),
    orderId: text("order_id").notNull(),
    position: integer("position").notNull(),
    label: text("label").notNull(),
    /** The priced document (JSON, a sale as rung without its id, time and tenders). */
    document: text("document").notNull(),
    totalMinor: integer("total_minor").notNull(),
    /** The amounts its tenders must pay (JSON array), for a check split into parts; null: any. */
    parts: text("parts"),
    saleId: text("sale_id"),
    tipMinor: integer("tip_minor").notNull(),
    waiterId: text("waiter_id").notNull(),
    paidAt: text("paid_at"),
  },
  (t) => [index("table_checks_order").on(t.orderId)],
);

export const storeRestaurantSchema = {
  diningTables,
  tableOrders,
  tableOrderLines,
  tableRounds,
  tableChecks,
};
