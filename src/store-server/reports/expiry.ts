/**
 * The expiry report: lots on hand (the sum of their stock movements, by product, location and
 * lot; its expiry is the one its receipts give) whose expiry day is at most N days after today in the store's time zone, soonest first.
 */
import { asc, eq, isNotNull, sql } from "drizzle-orm";
import { products, stockMovements } from "../../../schema/store.ts";
import type { ExpiryReport } from "../../api/store/expiry-report.ts";
import { businessDay } from "../../core/business-day.ts";
import type { StoreContext } from "../context.ts";

const DAY_MS = 86_400_000;

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export function expiryReport(ctx: StoreContext, days: number): ExpiryReport {
  const today = businessDay(ctx.now(), ctx.settings.timeZone);
  const until = addDays(today, days);
  const onHandMilli = sql<number>`sum(${stockMovements.qtyMilli})`;
  // Issues and write-offs of a lot name the lot, not always its expiry: the lot's receipts do.
  const expiry = sql<string | null>`max(${stockMovements.expiry})`;
  const rows = ctx.db
    .select({
      code: stockMovements.productCode,
      name: products.name,
      location: stockMovements.location,
      lot: stockMovements.lot,
      expiry,
      onHandMilli,
    })
    .from(stockMovements)
    .leftJoin(products, eq(products.code, stockMovements.productCode))
    .where(isNotNull(stockMovements.lot))
    .groupBy(stockMovements.productCode, stockMovements.location, stockMovements.lot)
    .having(sql`${onHandMilli} > 0 and ${expiry} <= ${until}`)
    .orderBy(
      asc(expiry),
      asc(stockMovements.productCode),
      asc(stockMovements.location),
      asc(stockMovements.lot),
    )
    .all();
  return {
    days,
    today,
    until,
    lots: rows.flatMap((r) =>
      r.lot === null || r.expiry === null
        ? []
        : [
            {
              code: r.code,
              name: r.name,
              location: r.location,
              lot: r.lot,
              expiry: r.expiry,
              onHand: r.onHandMilli / 1000,
              onHandMilli: r.onHandMilli,
              daysLeft: daysBetween(today, r.expiry),
            },
          ],
    ),
  };
}
