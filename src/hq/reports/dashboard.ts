/**
 * Figures for the web console's dashboard that the chain reports do not already give: one
 * day's sales per hour, and the margin of a day's products against their catalog cost.
 */
import { inArray } from "drizzle-orm";
import { hqProducts } from "../../../schema/hq.ts";
import type { ProductLine } from "../../api/hq/reports.ts";
import type { HqContext } from "../context.ts";

export interface HourLine {
  /** Hour of the day in UTC, 0–23. */
  hour: number;
  salesCount: number;
  totalMinor: number;
}

/** Completed sales of one business day per hour (UTC) of the time they were made. */
export function salesByHour(ctx: HqContext, day: string, storeId: string | null): HourLine[] {
  const rows = ctx.sqlite
    .query<{ h: string; n: number; total: number }, [string, string | null]>(
      `SELECT substr(at, 12, 2) AS h, count(*) AS n, sum(total_minor) AS total FROM hq_sales
       WHERE day = ?1 AND status = 'completed' AND (CAST(?2 AS TEXT) IS NULL OR store_id = ?2) GROUP BY h`,
    )
    .all(day, storeId);
  const byHour = new Map(rows.map((r) => [Number(r.h), r]));
  return Array.from({ length: 24 }, (_, hour) => ({
    hour,
    salesCount: byHour.get(hour)?.n ?? 0,
    totalMinor: byHour.get(hour)?.total ?? 0,
  }));
}

export interface Margin {
  netMinor: number;
  cogsMinor: number;
  marginMinor: number;
  /** Products sold that have a catalog cost (only they count), and all products sold. */
  costedProducts: number;
  products: number;
}

/** Net sales less catalog cost × quantity, over the products that have a cost. */
export function marginOf(ctx: HqContext, lines: readonly ProductLine[]): Margin {
  const codes = lines.map((l) => l.code);
  const costs = new Map<string, number>();
  for (let i = 0; i < codes.length; i += 500) {
    const rows = ctx.db
      .select({ code: hqProducts.code, cost: hqProducts.costMinor })
      .from(hqProducts)
      .where(inArray(hqProducts.code, codes.slice(i, i + 500)))
      .all();
    for (const row of rows) if (row.cost !== null) costs.set(row.code, row.cost);
  }
  let netMinor = 0;
  let cogsMinor = 0;
  let costedProducts = 0;
  for (const line of lines) {
    const cost = costs.get(line.code);
    if (cost === undefined) continue;
    costedProducts++;
    netMinor += line.netMinor;
    cogsMinor += Math.round((cost * line.qtyMilli) / 1000);
  }
  return { netMinor, cogsMinor, marginMinor: netMinor - cogsMinor, costedProducts, products: lines.length };
}
