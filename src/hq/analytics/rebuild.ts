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
    return { sales, returns, rebuiltAt };
  })();
}

/** Builds the summaries once if they never were (a database from before they existed). */
export function ensureSummaries(sqlite: Database, now: Date, log: (line: string) => void): void {
  const built = sqlite.query<{ id: string }, []>("SELECT id FROM hq_sum_state WHERE id = 'sales'").get();
  if (built) return;
  const r = rebuildSummaries(sqlite, now, (p) => log(`reports: summaries ${p.done}/${p.total} documents`));
  if (r.sales + r.returns > 0) log(`reports: summaries built from ${r.sales} sales and ${r.returns} returns`);
}
