/** Products and prices offered to the web shop, with each one's available stock, paged by code. */
import type { z } from "zod";
import type { shopProductsAnswerSchema } from "../../api/store/webhooks.ts";
import type { StoreContext } from "../context.ts";

type ShopProducts = z.infer<typeof shopProductsAnswerSchema>;

interface Row {
  code: string;
  name: string;
  priceMinor: number;
  soldByWeight: number;
  taxClass: string | null;
  department: string | null;
  onHand: number;
  reserved: number;
}

export function shopProducts(ctx: StoreContext, limit: number, after?: string): ShopProducts {
  const rows = ctx.sqlite
    .query<Row, [string, number]>(
      `SELECT p.code, p.name, p.price_minor AS priceMinor, p.sold_by_weight AS soldByWeight,
              p.tax_class AS taxClass, p.department,
              coalesce(l.on_hand_milli, 0) AS onHand,
              coalesce((SELECT sum(r.qty_milli) FROM order_reservations r WHERE r.product_code = p.code), 0) AS reserved
         FROM products p LEFT JOIN stock_levels l ON l.product_code = p.code
        WHERE p.active = 1 AND p.open_price = 0 AND p.code > ?1
        ORDER BY p.code LIMIT ?2`,
    )
    .all(after ?? "", limit + 1);
  const page = rows.slice(0, limit);
  return {
    products: page.map((r) => ({
      code: r.code,
      name: r.name,
      priceMinor: r.priceMinor,
      soldByWeight: r.soldByWeight === 1,
      taxClass: r.taxClass,
      department: r.department,
      onHandMilli: r.onHand,
      reservedMilli: r.reserved,
      availableMilli: r.onHand - r.reserved,
      available: (r.onHand - r.reserved) / 1000,
    })),
    next: rows.length > limit ? (page.at(-1)?.code ?? null) : null,
    currency: ctx.settings.currency,
  };
}
