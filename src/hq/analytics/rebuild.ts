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
  "hq_sum_hours",
  "hq_sum_cashiers",
  "hq_sum_customers",
  "hq_sum_customer_lifetimes",
];
const BATCH = 5000;
/** hq_sum_state's row that says customers' first days were filled in (a rebuild fills them). */
const FIRST_DAYS = "customer-first-days";

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
    markFirstDays(sqlite, rebuiltAt);
    return { sales, returns, rebuiltAt };
  })();
}

function markFirstDays(sqlite: Database, at: string): void {
  sqlite
    .query(
      `INSERT INTO hq_sum_state (id, rebuilt_at, sales, returns) VALUES (?1, ?2, 0, 0)
       ON CONFLICT (id) DO UPDATE SET rebuilt_at = excluded.rebuilt_at`,
    )
    .run(FIRST_DAYS, at);
}

/**
 * Builds the summaries once if they never were (a database from before they existed), and fills
 * in the customers' first days once on summaries built before they were kept: the first day
 * with an order left in the per-day customer summary, read through its index on customer and day.
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
  if (state(FIRST_DAYS)) return;
  sqlite.transaction(() => {
    sqlite.run(
      `UPDATE hq_sum_customer_lifetimes SET first_day = (SELECT min(c.day) FROM hq_sum_customers c
         WHERE c.customer_id = hq_sum_customer_lifetimes.customer_id AND c.orders_count > 0)`,
    );
    markFirstDays(sqlite, now.toISOString());
  })();
  const n =
    sqlite.query<{ n: number }, []>("SELECT count(*) AS n FROM hq_sum_customer_lifetimes").get()?.n ?? 0;
  if (n > 0) log(`reports: first day of ${n} customers filled in`);
}
