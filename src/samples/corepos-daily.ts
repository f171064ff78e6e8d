/**
 * The CORE-POS sample month as daily sales per product (`sampletrans.csv.gz`, the same item rows
 * as `corepos-month.ts` keeps): units sold per product and calendar day, for forecast backtests.
 * Sample data for the benchmarks, not a store feature.
 */
import { COL, COREPOS_DIR, isKeptItem, readTransactions, toMilli } from "./corepos-month.ts";

export interface DailySales {
  /** Calendar days of the month, oldest first (YYYY-MM-DD as in the file). */
  days: string[];
  /** Units sold per product (UPC as in the file) and day, thousandths. */
  byProduct: Map<string, number[]>;
}

export async function loadCoreposDailySales(dir = COREPOS_DIR): Promise<DailySales> {
  const records = await readTransactions(dir);
  const kept = records.filter(isKeptItem);
  const days = [...new Set(kept.map((r) => (r[COL.datetime] ?? "").slice(0, 10)))].sort();
  const index = new Map(days.map((d, i) => [d, i]));
  const byProduct = new Map<string, number[]>();
  for (const r of kept) {
    const code = r[COL.upc] ?? "";
    const i = index.get((r[COL.datetime] ?? "").slice(0, 10));
    if (i === undefined) continue;
    let series = byProduct.get(code);
    if (!series) {
      series = days.map(() => 0);
      byProduct.set(code, series);
    }
    series[i] = (series[i] ?? 0) + toMilli(r[COL.quantity] ?? "0");
  }
  return { days, byProduct };
}
