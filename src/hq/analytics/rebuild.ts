/**
 * Rebuilds the summary tables from the detail rows (sales, voids, returns) in one transaction:
 * `ringup hq reports rebuild`, and once at start on a database whose summaries were never
 * built (the first start after the upgrade that added them).
 */
import type { Database } from "bun:sqlite";
import { SummaryWriter } from "./writer.ts";

/** The summary tables, emptied and refilled by a rebuild. */
export const SUMMARY_TABLES = [
  "hq_sum_products",
  "hq_sum_chain_products",
  "hq_sum_groups",
  "hq_sum_chain_groups",
  "hq_sum_hours",
  "hq_sum_cashiers",
  "hq_sum_customers",
  "hq_sum_customer_totals",
  "hq_sum_customer_lifetimes",
];
const BATCH = 5000;
/** hq_sum_state's row that says customers' first days were filled in (a rebuild fills them). */
const FIRST_DAYS = "customer-first-days";
/** hq_sum_state's row that says the per-store customer totals were filled in (a rebuild too). */
const CUSTOMER_TOTALS = "customer-totals";
/** hq_sum_state's row that says the chain's departments and categories were filled in (a rebuild too). */
const CHAIN_GROUPS = "chain-groups";

export interface RebuildProgress {
  done: number;
  total: number;
}

export interface RebuildResult {
  sales: number;
  returns: number;
  rebuiltAt: string;
}

export function rebuildSummaries(
  sqlite: Database,
  now: Date,
  progress: (p: RebuildProgress) => void = () => undefined,
): RebuildResult {
  return sqlite.transaction(() => {
    for (const table of SUMMARY_TABLES) sqlite.run(`DELETE FROM ${table}`);
    const writer = new SummaryWriter(sqlite);
    const count = (table: string) =>
      sqlite.query<{ n: number }, []>(`SELECT count(*) AS n FROM ${table}`).get()?.n ?? 0;
    const sales = count("hq_sales");
    const returns = count("hq_returns");
    const total = sales + returns;
    let done = 0;
    const step = () => {
      done++;
      if (done % BATCH === 0 || done === total) progress({ done, total });
    };
    const saleIds = sqlite.query<{ id: string; status: string }, []>("SELECT id, status FROM hq_sales");
    for (const row of saleIds.iterate()) {
      // A voided sale is added and taken out again, as ingest did: the same rows (at zero) remain.
      writer.sale(row.id);
      if (row.status !== "completed") writer.voided(row.id);
      step();
    }
    for (const row of sqlite.query<{ id: string }, []>("SELECT id FROM hq_returns").iterate()) {
      writer.returned(row.id);
      step();
    }
    const rebuiltAt = now.toISOString();
    sqlite
      .query(
        `INSERT INTO hq_sum_state (id, rebuilt_at, sales, returns) VALUES ('sales', ?1, ?2, ?3)
         ON CONFLICT (id) DO UPDATE SET rebuilt_at = excluded.rebuilt_at, sales = excluded.sales,
           returns = excluded.returns`,
      )
      .run(rebuiltAt, sales, returns);
    mark(sqlite, FIRST_DAYS, rebuiltAt);
    mark(sqlite, CUSTOMER_TOTALS, rebuiltAt);
    mark(sqlite, CHAIN_GROUPS, rebuiltAt);
    return { sales, returns, rebuiltAt };
  })();
}

/** Marks a part of the summaries filled in (a row of hq_sum_state with sales and returns 0). */
function mark(sqlite: Database, id: string, at: string): void {
  sqlite
    .query(
      `INSERT INTO hq_sum_state (id, rebuilt_at, sales, returns) VALUES (?1, ?2, 0, 0)
       ON CONFLICT (id) DO UPDATE SET rebuilt_at = excluded.rebuilt_at`,
    )
    .run(id, at);
}

/**
 * Builds the summaries once if they never were (a database from before they existed), and fills
 * in once what summaries built before them lack, from the per-day customer summary: the
 * customers' first days (the first day with an order left, read through its index on customer
 * and day) and each store's day of customer orders; and, from the per-store departments and
 * categories, the chain's.
 */
export function ensureSummaries(sqlite: Database, now: Date, log: (line: string) => void): void {
  const state = (id: string) =>
    sqlite.query<{ id: string }, [string]>("SELECT id FROM hq_sum_state WHERE id = ?1").get(id);
  if (!state("sales")) {
    const r = rebuildSummaries(sqlite, now, (p) => log(`reports: summaries ${p.done}/${p.total} documents`));
    if (r.sales + r.returns > 0)
      log(`reports: summaries built from ${r.sales} sales and ${r.returns} returns`);
    return;
  }
  /** Runs a part's fill once, in one transaction with its mark, and says how many rows it has. */
  const fillOnce = (
    id: string,
    statements: readonly string[],
    table: string,
    said: (n: number) => string,
  ) => {
    if (state(id)) return;
    sqlite.transaction(() => {
      for (const sql of statements) sqlite.run(sql);
      mark(sqlite, id, now.toISOString());
    })();
    const n = sqlite.query<{ n: number }, []>(`SELECT count(*) AS n FROM ${table}`).get()?.n ?? 0;
    if (n > 0) log(said(n));
  };
  fillOnce(
    FIRST_DAYS,
    [
      `UPDATE hq_sum_customer_lifetimes SET first_day = (SELECT min(c.day) FROM hq_sum_customers c
         WHERE c.customer_id = hq_sum_customer_lifetimes.customer_id AND c.orders_count > 0)`,
    ],
    "hq_sum_customer_lifetimes",
    (n) => `reports: first day of ${n} customers filled in`,
  );
  fillOnce(
    CUSTOMER_TOTALS,
    [
      "DELETE FROM hq_sum_customer_totals",
      `INSERT INTO hq_sum_customer_totals (day, store_id, orders_count, returns_count, net_minor)
       SELECT day, store_id, sum(orders_count), sum(returns_count), sum(net_minor)
       FROM hq_sum_customers GROUP BY day, store_id`,
    ],
    "hq_sum_customer_totals",
    (n) => `reports: customer orders of ${n} store days filled in`,
  );
  fillOnce(
    CHAIN_GROUPS,
    [
      "DELETE FROM hq_sum_chain_groups",
      `INSERT INTO hq_sum_chain_groups (day, kind, key, qty_milli, net_minor, tax_minor, cost_minor,
         uncosted_net_minor)
       SELECT day, kind, key, sum(qty_milli), sum(net_minor), sum(tax_minor), sum(cost_minor),
         sum(uncosted_net_minor)
       FROM hq_sum_groups GROUP BY day, kind, key`,
    ],
    "hq_sum_chain_groups",
    (n) => `reports: the chain's departments and categories of ${n} days filled in`,
  );
}
