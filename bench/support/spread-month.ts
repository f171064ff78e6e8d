/**
 * The CORE-POS sample month's sales with their lines spread over a large catalog (each product
 * code hashed to one of `products`), for benchmarks of stores bigger than the sample's; without
 * the sample data, synthetic sales of the same shape.
 */
import { parseQuantityMilli } from "../../src/core/quantity.ts";
import { coreposAvailable, loadCoreposMonth } from "./corepos-month.ts";

export type MonthSale = { lines: { idx: number; qtyMilli: number }[] };

/** FNV-1a: a product code's place in the large catalog. */
export function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

export async function monthOfSales(products: number, bench: string): Promise<MonthSale[]> {
  if (coreposAvailable()) {
    const month = await loadCoreposMonth();
    return month.sales.map((s) => ({
      lines: s.lines.map((l) => {
        let qtyMilli = 1000;
        try {
          qtyMilli = Math.max(1, Math.min(100_000, parseQuantityMilli(l.qty)));
        } catch {}
        return { idx: hash(l.code) % products, qtyMilli };
      }),
    }));
  }
  process.stderr.write(`bench: ${bench}: no CORE-POS sample data; synthetic sales of the same shape\n`);
  return Array.from({ length: 5_257 }, (_, n) => ({
    lines: Array.from({ length: 12 }, (_, k) => ({
      idx: hash(`${n}:${k}`) % products,
      qtyMilli: 1000 * (1 + (k % 3)),
    })),
  }));
}
