/**
 * Products below their minimum stock (`minStock` on the product), with what to order to reach
 * the maximum (`maxStock`; without one, up to the minimum).
 */
import { and, asc, eq, isNotNull, sql } from "drizzle-orm";
import { products, stockLevels } from "../../../schema/store.ts";
import type { BelowMinimumRow } from "../../api/store/stock.ts";
import type { StoreDb } from "../context.ts";

export function belowMinimum(db: StoreDb, limit: number): BelowMinimumRow[] {
  const onHand = sql<number>`coalesce(${stockLevels.onHandMilli}, 0)`;
  return db
    .select({
      code: products.code,
      name: products.name,
      onHandMilli: onHand,
      minMilli: products.minStockMilli,
      maxMilli: products.maxStockMilli,
    })
    .from(products)
    .leftJoin(stockLevels, eq(stockLevels.productCode, products.code))
    .where(
      and(
        isNotNull(products.minStockMilli),
        eq(products.active, true),
        sql`${onHand} < ${products.minStockMilli}`,
      ),
    )
    .orderBy(asc(products.code))
    .limit(limit)
    .all()
    .map((r) => {
      const minMilli = r.minMilli ?? 0;
      const toOrderMilli = (r.maxMilli ?? minMilli) - r.onHandMilli;
      return {
        code: r.code,
        name: r.name,
        onHand: r.onHandMilli / 1000,
        onHandMilli: r.onHandMilli,
        min: minMilli / 1000,
        max: r.maxMilli === null ? null : r.maxMilli / 1000,
        toOrder: toOrderMilli / 1000,
        toOrderMilli,
      };
    });
}
