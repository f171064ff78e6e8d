/**
 * SQL of the chain analytics, over the summary tables only (schema/hq-analytics.ts). Parameters:
 * ?1 first day, ?2 last day (inclusive), ?3 stores as a JSON array or null for the chain, ?4 the
 * report's own filter (departments, categories or cashiers) as a JSON array or null; the stores
 * asked for one by one from ?11 on (STORE_PARAMS_FROM). Each query is made for the number of
 * stores (`stores`, null for the whole chain): a list of parameters is what lets PostgreSQL read
 * only those stores' rows of the range through the summaries' keys, where a JSON array read row
 * by row made it read every store's.
 */

import type { HqDialect } from "../db/dialect.ts";

/** The first parameter of the stores asked for. */
export const STORE_PARAMS_FROM = 11;

/** The range, and the stores: null for the chain, else how many are named. */
function inRange(stores: number | null): string {
  if (stores === null) return "day BETWEEN ?1 AND ?2 AND CAST(?3 AS TEXT) IS NULL";
  const list = Array.from({ length: stores }, (_, i) => `?${STORE_PARAMS_FROM + i}`).join(", ");
  return `day BETWEEN ?1 AND ?2 AND CAST(?3 AS TEXT) IS NOT NULL AND store_id IN (${list})`;
}
const ONE_OF = (column: string) =>
  `(CAST(?4 AS TEXT) IS NULL OR ${column} IN (SELECT value FROM json_each(?4)))`;

const PROFIT = `sum(qty_milli) AS qtyMilli, sum(net_minor) AS netMinor, sum(tax_minor) AS taxMinor,
  sum(cost_minor) AS costMinor, sum(net_minor - cost_minor - uncosted_net_minor) AS marginMinor,
  sum(uncosted_net_minor) AS uncostedNetMinor`;

const DAY_FIGURES = `sum(sales_count) AS salesCount, sum(returns_count) AS returnsCount,
  sum(net_minor) AS netMinor, sum(tax_minor) AS taxMinor, sum(total_minor) AS totalMinor`;

export type ProductSort = "net" | "margin" | "qty";

const ORDER: Record<ProductSort, string> = { net: "netMinor", margin: "marginMinor", qty: "qtyMilli" };

/**
 * Products by the sort, largest first; ?5 categories as a JSON array or null, ?6 the limit. The
 * whole chain (`stores` null) reads the chain's per-day rows, a few stores their own.
 */
export function productsSql(sort: ProductSort, stores: number | null): string {
  const from = stores === null ? "hq_sum_chain_products" : "hq_sum_products";
  const where = inRange(stores);
  return `SELECT code, max(name) AS name, max(department) AS department, max(category) AS category, ${PROFIT}
    FROM ${from} WHERE ${where} AND ${ONE_OF("department")}
      AND (CAST(?5 AS TEXT) IS NULL OR category IN (SELECT value FROM json_each(?5)))
    GROUP BY code ORDER BY ${ORDER[sort]} DESC, code LIMIT ?6`;
}

/**
 * Departments or categories (?5), largest net first. The whole chain reads the chain's per-day
 * rows, a few stores their own.
 */
export const groupsSql = (stores: number | null) => `SELECT key, ${PROFIT}
  FROM ${stores === null ? "hq_sum_chain_groups" : "hq_sum_groups"}
  WHERE ${inRange(stores)} AND kind = ?5 AND ${ONE_OF("key")} GROUP BY key ORDER BY netMinor DESC, key`;

export const daysSql = (stores: number | null) =>
  `SELECT day, ${DAY_FIGURES} FROM hq_sum_hours WHERE ${inRange(stores)} GROUP BY day`;

export const hoursSql = (stores: number | null) =>
  `SELECT hour, ${DAY_FIGURES} FROM hq_sum_hours WHERE ${inRange(stores)} GROUP BY hour`;

export const cashiersSql = (
  stores: number | null,
) => `SELECT store_id AS storeId, cashier_id AS cashierId, sum(sales_count) AS salesCount,
  sum(net_minor) AS netMinor, sum(voids_count) AS voidsCount, sum(voids_minor) AS voidsMinor,
  sum(refunds_count) AS refundsCount, sum(refunds_minor) AS refundsMinor
  FROM hq_sum_cashiers WHERE ${inRange(stores)} AND ${ONE_OF("cashier_id")}
  GROUP BY store_id, cashier_id ORDER BY netMinor DESC, store_id, cashier_id`;

/**
 * Customers who bought or returned in the range (at the stores asked for), added up in one row:
 * orders and net there; of those who bought (`active`), how many, how many are new (no order
 * anywhere in the chain before the range: their first day, kept with their lifetime, is in it),
 * and their lifetime to date. One row whatever the customers: a month of a chain's customers is
 * not carried to head office one by one.
 *
 * A customer bought in the range when one of their customer days there has an order (a day's
 * orders are its sales less the voids of those sales, never below zero), so the active customers
 * are the lifetime rows whose customer is among the range's customer days with an order: one set
 * of the range's customers, each lifetime row read once, with no figures added up per customer
 * (`form`: the engine's faster way to match them, see HqDialect). Orders and net are added up
 * from each store's day (hq_sum_customer_totals). Grouping the range's days per customer with
 * their figures and joining each group to its lifetime took about twice the server's time on
 * PostgreSQL (docs/benchmarks.md, "Chain analytics").
 */
export function customersSql(stores: number | null, form: HqDialect["customersInRange"]): string {
  const bought = `SELECT customer_id FROM hq_sum_customers WHERE ${inRange(stores)} AND orders_count > 0`;
  const lifetimes =
    form === "in"
      ? `hq_sum_customer_lifetimes WHERE customer_id IN (${bought})`
      : `(${bought} GROUP BY customer_id) a JOIN hq_sum_customer_lifetimes l ON l.customer_id = a.customer_id`;
  return `SELECT l.customers, l.newCustomers, l.lifetimeOrders, l.lifetimeNetMinor, r.orders, r.netMinor
  FROM (SELECT count(*) AS customers,
      coalesce(sum(CASE WHEN first_day >= ?1 THEN 1 ELSE 0 END), 0) AS newCustomers,
      coalesce(sum(orders_count), 0) AS lifetimeOrders, coalesce(sum(net_minor), 0) AS lifetimeNetMinor
    FROM ${lifetimes}) l,
    (SELECT coalesce(sum(orders_count), 0) AS orders, coalesce(sum(net_minor), 0) AS netMinor
      FROM hq_sum_customer_totals WHERE ${inRange(stores)}) r`;
}

/** Stock on hand per site (all locations) valued at the catalog cost; ?1 stores JSON or null. */
export const SITES_SQL = `WITH onhand AS (
    SELECT store_id, code, sum(qty_milli) AS qty FROM hq_stock
    WHERE CAST(?1 AS TEXT) IS NULL OR store_id IN (SELECT value FROM json_each(?1)) GROUP BY store_id, code
  )
  SELECT o.store_id AS storeId, s.name AS name, count(*) AS products, sum(o.qty) AS onHandMilli,
    coalesce(sum(CASE WHEN o.qty > 0 AND p.cost_minor IS NOT NULL
      THEN CAST(round(p.cost_minor * o.qty / 1000.0) AS INTEGER) END), 0) AS valueMinor,
    sum(CASE WHEN p.cost_minor IS NULL THEN 1 ELSE 0 END) AS uncostedProducts
  FROM onhand o LEFT JOIN hq_products p ON p.code = o.code LEFT JOIN stores s ON s.store_id = o.store_id
  GROUP BY o.store_id, s.name ORDER BY o.store_id`;

/** Every report query, for checks of their plans. */
export const ANALYTICS_SQL: Record<string, string> = {
  products: productsSql("net", 2),
  chainProducts: productsSql("net", null),
  productsByMargin: productsSql("margin", 2),
  groups: groupsSql(2),
  chainGroups: groupsSql(null),
  days: daysSql(2),
  chainDays: daysSql(null),
  hours: hoursSql(2),
  cashiers: cashiersSql(2),
  customers: customersSql(2, "grouped"),
  chainCustomers: customersSql(null, "grouped"),
  customersIn: customersSql(2, "in"),
  chainCustomersIn: customersSql(null, "in"),
};
