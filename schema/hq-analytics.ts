/**
 * Summary tables of the chain's sales for reports at chain scale, kept current by ingest in the
 * transaction that applies each sale, void and return (src/hq/analytics/writer.ts) and rebuilt
 * from the detail rows by `ringup hq reports rebuild`. Every figure is sales minus returns; a
 * voided sale is taken back out of the day it was rung on. Keys start with the business day so
 * a range of days for the chain or for some stores reads a slice of the key. Money in integer
 * minor units, quantities in milli-units; "" stands for no cashier, department or category.
 */
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

const figures = () => ({
  /** Revenue after discounts, without tax. */
  netMinor: integer("net_minor").notNull(),
  taxMinor: integer("tax_minor").notNull(),
});

/** A product's figures; cost is the catalog cost when the sale was applied (0 without one). */
const productFigures = () => ({
  code: text("code").notNull(),
  name: text("name").notNull(),
  department: text("department").notNull(),
  category: text("category").notNull(),
  qtyMilli: integer("qty_milli").notNull(),
  ...figures(),
  costMinor: integer("cost_minor").notNull(),
  /** Net of the quantities that had no catalog cost (margin leaves them out). */
  uncostedNetMinor: integer("uncosted_net_minor").notNull(),
});

/** Per day × store × product. */
export const hqSumProducts = sqliteTable(
  "hq_sum_products",
  {
    day: text("day").notNull(),
    storeId: text("store_id").notNull(),
    ...productFigures(),
  },
  (t) => [
    primaryKey({ columns: [t.day, t.storeId, t.code] }),
    // A report of a few stores reads each one's days, not every store's rows of those days.
    index("hq_sum_products_store_day").on(t.storeId, t.day),
  ],
);

/** Per day × product over the whole chain: what a report of every store reads. */
export const hqSumChainProducts = sqliteTable(
  "hq_sum_chain_products",
  { day: text("day").notNull(), ...productFigures() },
  (t) => [primaryKey({ columns: [t.day, t.code] })],
);

/**
 * Per customer over the whole chain and all time: orders and net (lifetime value), and the first
 * day with an order anywhere in the chain (null without one): a customer is new in a range that
 * holds it. Ingest keeps it (the earliest sale's day; a void of that sale looks it up again).
 */
export const hqSumCustomerLifetimes = sqliteTable("hq_sum_customer_lifetimes", {
  customerId: text("customer_id").primaryKey(),
  ordersCount: integer("orders_count").notNull(),
  netMinor: integer("net_minor").notNull(),
  firstDay: text("first_day"),
});

/** A department's or category's (`kind`) figures, as a product's without its names. */
const groupFigures = () => ({
  kind: text("kind", { enum: ["department", "category"] }).notNull(),
  key: text("key").notNull(),
  qtyMilli: integer("qty_milli").notNull(),
  ...figures(),
  costMinor: integer("cost_minor").notNull(),
  uncostedNetMinor: integer("uncosted_net_minor").notNull(),
});

/** Per day × store × department, and × category (`kind`). */
export const hqSumGroups = sqliteTable(
  "hq_sum_groups",
  {
    day: text("day").notNull(),
    storeId: text("store_id").notNull(),
    ...groupFigures(),
  },
  (t) => [primaryKey({ columns: [t.day, t.storeId, t.kind, t.key] })],
);

/**
 * Per day × department, and × category (`kind`), over the whole chain: what a report of every
 * store reads (a month of a 200-store chain is about 900,000 rows of hq_sum_groups, 5,000 here).
 */
export const hqSumChainGroups = sqliteTable(
  "hq_sum_chain_groups",
  {
    day: text("day").notNull(),
    ...groupFigures(),
  },
  (t) => [primaryKey({ columns: [t.day, t.kind, t.key] })],
);

/** Per day × store × hour (UTC hour of the time the sale or return was made). */
export const hqSumHours = sqliteTable(
  "hq_sum_hours",
  {
    day: text("day").notNull(),
    storeId: text("store_id").notNull(),
    hour: integer("hour").notNull(),
    salesCount: integer("sales_count").notNull(),
    returnsCount: integer("returns_count").notNull(),
    ...figures(),
    totalMinor: integer("total_minor").notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.storeId, t.hour] })],
);

/** Per day × store × cashier: sales, voids of the cashier's sales and refunds the cashier made. */
export const hqSumCashiers = sqliteTable(
  "hq_sum_cashiers",
  {
    day: text("day").notNull(),
    storeId: text("store_id").notNull(),
    cashierId: text("cashier_id").notNull(),
    salesCount: integer("sales_count").notNull(),
    netMinor: integer("net_minor").notNull(),
    voidsCount: integer("voids_count").notNull(),
    voidsMinor: integer("voids_minor").notNull(),
    refundsCount: integer("refunds_count").notNull(),
    refundsMinor: integer("refunds_minor").notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.storeId, t.cashierId] })],
);

/** Per day × store × customer (sales with a customer only). */
export const hqSumCustomers = sqliteTable(
  "hq_sum_customers",
  {
    day: text("day").notNull(),
    storeId: text("store_id").notNull(),
    customerId: text("customer_id").notNull(),
    ordersCount: integer("orders_count").notNull(),
    returnsCount: integer("returns_count").notNull(),
    netMinor: integer("net_minor").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.day, t.storeId, t.customerId] }),
    // A customer's first day and lifetime: new against returning, lifetime value.
    index("hq_sum_customers_customer").on(t.customerId, t.day),
    // A report of a few stores reads each one's customer days, not every store's of those days.
    index("hq_sum_customers_store_day").on(t.storeId, t.day),
  ],
);

/**
 * Per day × store, the customer days above added up: the orders, returns and net of the sales and
 * returns with a customer. The customers report adds up a range's orders and net from these rows
 * rather than from every customer day of the range again.
 */
export const hqSumCustomerTotals = sqliteTable(
  "hq_sum_customer_totals",
  {
    day: text("day").notNull(),
    storeId: text("store_id").notNull(),
    ordersCount: integer("orders_count").notNull(),
    returnsCount: integer("returns_count").notNull(),
    netMinor: integer("net_minor").notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.storeId] })],
);

/**
 * When the summaries were last rebuilt from the detail rows (id "sales"), and when the customers'
 * first days (id "customer-first-days") and the per-store customer totals (id "customer-totals")
 * were filled in (sales and returns 0).
 */
export const hqSumState = sqliteTable("hq_sum_state", {
  id: text("id").primaryKey(),
  rebuiltAt: text("rebuilt_at").notNull(),
  sales: integer("sales").notNull(),
  returns: integer("returns").notNull(),
});

export const hqAnalyticsSchema = {
  hqSumProducts,
  hqSumChainProducts,
  hqSumCustomerLifetimes,
  hqSumGroups,
  hqSumChainGroups,
  hqSumHours,
  hqSumCashiers,
  hqSumCustomers,
  hqSumCustomerTotals,
  hqSumState,
};
