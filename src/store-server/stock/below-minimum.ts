/**
 * Stock below its minimum, with what to order to reach the maximum (without one, up to the
 * minimum). A product with limits per location (`stock_limits`) is listed location by location,
 * each location's on hand against its own limits; a product without any is listed for the whole
 * store by its catalog limits (`minStock`/`maxStock`), with `location` null.
 */

import type { BelowMinimumRow } from "../../api/store/stock.ts";
import { type BelowMinimumLimits, belowMinimumRow } from "../../api/store/stock-limits.ts";
import type { StoreDb } from "../context.ts";
import { connectionOf } from "../db/statements.ts";

export function belowMinimum(db: StoreDb, limit: number, location?: string): BelowMinimumRow[] {
  const rows = connectionOf(db)
    .query<BelowMinimumLimits, [string | null, number]>(
      `SELECT code, name, location, onHandMilli, minMilli, maxMilli FROM (
         SELECT p.code, p.name, l.location, l.min_milli AS minMilli, l.max_milli AS maxMilli,
                coalesce((SELECT sum(m.qty_milli) FROM stock_movements m
                           WHERE m.product_code = l.product_code AND m.location = l.location), 0) AS onHandMilli
           FROM stock_limits l JOIN products p ON p.code = l.product_code
          WHERE p.active = 1 AND (?1 IS NULL OR l.location = ?1)
         UNION ALL
         SELECT p.code, p.name, NULL, p.min_stock_milli, p.max_stock_milli, coalesce(s.on_hand_milli, 0)
           FROM products p LEFT JOIN stock_levels s ON s.product_code = p.code
          WHERE ?1 IS NULL AND p.min_stock_milli IS NOT NULL AND p.active = 1
            AND NOT EXISTS (SELECT 1 FROM stock_limits l WHERE l.product_code = p.code)
       ) WHERE onHandMilli < minMilli
       ORDER BY code, location LIMIT ?2`,
    )
    .all(location ?? null, limit);
  return rows.map(belowMinimumRow);
}
