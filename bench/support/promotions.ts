/**
 * Promotions for the pricing benchmark: `count` of every kind, spread over products,
 * categories and departments mostly absent from the benchmark's basket (P0–P99, categories
 * C0–C19 and G0–G3, departments D0–D11), a few on its lines, and order-wide ones that are out
 * of their hours or need a code the sale does not present.
 */
import { type Promotion, promotionSchema } from "../../src/core/promotions/index.ts";

const KINDS = [
  { kind: "percent", percent: "10" },
  { kind: "amount", amountMinor: 50 },
  { kind: "fixedPrice", priceMinor: 99 },
  { kind: "fixedPrice", priceMinor: 500, buy: 3 },
  { kind: "cheapest", percent: 100 },
  { kind: "multibuy", buy: 2, get: 1, percent: "100" },
] as const;

/**
 * A two-hour happy hour that is not now: it starts six hours from now (UTC, the benchmark
 * stores' time zone), so the order-wide promotions with hours are out of them whenever the
 * benchmark runs, as the file's description says.
 */
function happyHourNotNow(now = new Date()): { timeFrom: string; timeTo: string } {
  const from = (now.getUTCHours() + 6) % 24;
  const hh = (h: number) => `${String(h % 24).padStart(2, "0")}:00`;
  return { timeFrom: hh(from), timeTo: hh(from + 2) };
}

export function benchPromotions(count: number, salt = 0): Promotion[] {
  const happyHour = happyHourNotNow();
  return Array.from({ length: count }, (_, i) => {
    const reward = KINDS[i % KINDS.length] ?? KINDS[0];
    const n = i + salt * count;
    // One in 500 names a line of the basket; the others name what it does not hold.
    const onBasket = i % 500 === 0;
    const scope = i % 3;
    const names =
      scope === 0
        ? { products: [onBasket ? `P${i % 100}` : `X${n}`, `X${n + 1}`] }
        : scope === 1
          ? { categories: [onBasket ? `C${i % 20}` : `K${n % 2000}`] }
          : { departments: [onBasket ? `D${i % 12}` : `E${n % 500}`] };
    const orderWide = i % 1000 === 1;
    return promotionSchema.parse({
      id: `promo-${n}`,
      name: `Promotion ${n}`,
      priority: i % 7,
      ...(orderWide
        ? i % 2000 === 1
          ? { ...happyHour, reward: { ...reward, on: "order" } }
          : { code: `CODE${n}`, reward: { ...reward, on: "order" } }
        : { condition: { ...names, minQty: 1 }, reward }),
    });
  });
}
