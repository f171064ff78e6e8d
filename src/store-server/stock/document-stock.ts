/**
 * Stock by location and lot, summed from the ledger's movements (sales and older movements are
 * on the shop floor, without a lot): the total per product stays in `stock_levels`.
 */
import type { StoreDb, StoreTx } from "../context.ts";
import { connectionOf } from "../db/statements.ts";

/** On hand of a product at a location (and lot, when given). */
export function locationOnHandMilli(
  db: StoreDb | StoreTx,
  code: string,
  location: string,
  lot: string | null,
): number {
  const sqlite = connectionOf(db);
  const row =
    lot === null
      ? sqlite
          .query<{ n: number | null }, [string, string]>(
            "SELECT sum(qty_milli) AS n FROM stock_movements WHERE product_code = ? AND location = ?",
          )
          .get(code, location)
      : sqlite
          .query<{ n: number | null }, [string, string, string]>(
            "SELECT sum(qty_milli) AS n FROM stock_movements WHERE product_code = ? AND location = ? AND lot = ?",
          )
          .get(code, location, lot);
  return row?.n ?? 0;
}

/** A product's on hand by location, and by lot where lots were recorded. */
export function placesOf(
  db: StoreDb | StoreTx,
  code: string,
): {
  byLocation: { location: string; onHandMilli: number }[];
  lots: { lot: string; expiry: string | null; onHandMilli: number }[];
} {
  const sqlite = connectionOf(db);
  const byLocation = sqlite
    .query<{ location: string; onHandMilli: number }, [string]>(
      `SELECT location, sum(qty_milli) AS onHandMilli FROM stock_movements WHERE product_code = ?
        GROUP BY location HAVING sum(qty_milli) <> 0 ORDER BY location`,
    )
    .all(code);
  const lots = sqlite
    .query<{ lot: string; expiry: string | null; onHandMilli: number }, [string]>(
      `SELECT lot, max(expiry) AS expiry, sum(qty_milli) AS onHandMilli FROM stock_movements
        WHERE product_code = ? AND lot IS NOT NULL GROUP BY lot HAVING sum(qty_milli) <> 0
        ORDER BY max(expiry), lot`,
    )
    .all(code);
  return { byLocation, lots };
}
