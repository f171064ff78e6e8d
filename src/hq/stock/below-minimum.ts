/**
 * Each store's stock below its minimum at head office, judged as the store judges it
 * (src/store-server/stock/below-minimum.ts): a product with limits per location at a store
 * (from its `stock.limits_changed` events) location by location against `hq_stock`; one
 * without, on the store's whole on hand against the chain catalog's `minStock`/`maxStock`.
 */

import type { HqBelowMinimumRow } from "../../api/hq/stock-limits.ts";
import { type BelowMinimumLimits, belowMinimumRow } from "../../api/store/stock-limits.ts";
import type { HqContext } from "../context.ts";
import { UnknownStoreError } from "../errors.ts";

export function chainBelowMinimum(
  ctx: HqContext,
  storeId: string | undefined,
  limit: number,
): HqBelowMinimumRow[] {
  if (storeId !== undefined) {
    const known = ctx.sqlite.query<{ n: number }, [string]>(
      "SELECT count(*) AS n FROM stores WHERE store_id = ?1",
    );
    if ((known.get(storeId)?.n ?? 0) === 0) throw new UnknownStoreError(storeId);
  }
  const rows = ctx.sqlite
    .query<BelowMinimumLimits & { storeId: string }, [string | null, number]>(
      `SELECT storeId, code, name, location, onHandMilli, minMilli, maxMilli FROM (
         SELECT l.store_id AS storeId, l.code, coalesce(p.name, l.code) AS name, l.location,
                l.min_milli AS minMilli, l.max_milli AS maxMilli,
                coalesce((SELECT s.qty_milli FROM hq_stock s
                           WHERE s.store_id = l.store_id AND s.code = l.code AND s.location = l.location), 0) AS onHandMilli
           FROM hq_stock_limits l LEFT JOIN hq_products p ON p.code = l.code
          WHERE (p.active IS NULL OR p.active = 1) AND (CAST(?1 AS TEXT) IS NULL OR l.store_id = ?1)
         UNION ALL
         SELECT st.store_id, p.code, p.name, NULL, p.min_stock_milli, p.max_stock_milli,
                coalesce((SELECT sum(s.qty_milli) FROM hq_stock s WHERE s.store_id = st.store_id AND s.code = p.code), 0)
           FROM stores st JOIN hq_products p ON p.min_stock_milli IS NOT NULL AND p.active = 1
          WHERE (CAST(?1 AS TEXT) IS NULL OR st.store_id = ?1)
            AND NOT EXISTS (SELECT 1 FROM hq_stock_limits l WHERE l.store_id = st.store_id AND l.code = p.code)
       ) WHERE onHandMilli < minMilli
       ORDER BY storeId, code, location LIMIT ?2`,
    )
    .all(storeId ?? null, limit);
  return rows.map((r) => ({ storeId: r.storeId, ...belowMinimumRow(r) }));
}
