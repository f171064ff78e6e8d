/**
 * Scanning with promotions in force prices only the lines the live promotions name together and
 * adds every other line alone (promoted-append.ts): for any promotions on products (with or
 * without a condition, minimums, caps, exclusive ones, order-wide ones) and any scans, every
 * scan's quote equals pricing the whole sale.
 */
import { expect, test } from "bun:test";
import fc from "fast-check";
import { PromotionBook, promotionSchema } from "../../../src/core/promotions/index.ts";
import { priceSale, promotionsAt } from "../../../src/till/state/basket.ts";
import type { TillEnv } from "../../../src/till/state/types.ts";
import { Driver, testEnv } from "../support/state-env.ts";

const CODES = ["0001", "0002", "0003", "0011"] as const;
const products = fc.uniqueArray(fc.constantFrom(...CODES), { minLength: 1, maxLength: 2 });
const reward = fc.oneof(
  fc.record({ kind: fc.constant("percent"), percent: fc.constantFrom(5, 10, 50) }),
  fc.record({ kind: fc.constant("amount"), amountMinor: fc.integer({ min: 1, max: 400 }) }),
  fc.record({
    kind: fc.constant("multibuy"),
    buy: fc.integer({ min: 1, max: 3 }),
    get: fc.constant(1),
    percent: fc.constant(100),
  }),
  fc.record({
    kind: fc.constant("fixedPrice"),
    priceMinor: fc.integer({ min: 50, max: 300 }),
    buy: fc.integer({ min: 2, max: 3 }),
  }),
  fc.record({ kind: fc.constant("cheapest"), percent: fc.constant(100) }),
);
const promotion = fc.record({
  reward,
  on: products,
  condition: fc.option(
    fc.record({
      products: fc.option(products, { nil: undefined }),
      minQty: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
      minAmountMinor: fc.option(fc.integer({ min: 100, max: 2000 }), { nil: undefined }),
    }),
    { nil: undefined },
  ),
  orderWide: fc.boolean(),
  cap: fc.option(fc.integer({ min: 1, max: 500 }), { nil: undefined }),
  priority: fc.integer({ min: 0, max: 2 }),
  exclusive: fc.boolean(),
});
const scan = fc.record({ code: fc.constantFrom(...CODES), qty: fc.integer({ min: 1, max: 3 }) });

function envOf(list: readonly unknown[]): TillEnv {
  const base = testEnv();
  const parsed = list.map((raw, i) => {
    const p = raw as {
      reward: Record<string, unknown>;
      on: string[];
      condition?: { products?: string[]; minQty?: number; minAmountMinor?: number };
      orderWide: boolean;
      cap?: number;
      priority: number;
      exclusive: boolean;
    };
    const condition = p.condition === undefined ? {} : { condition: JSON.parse(JSON.stringify(p.condition)) };
    return promotionSchema.parse({
      id: `p${i}`,
      name: `P${i}`,
      priority: p.priority,
      // At most one exclusive, so that no two of the same priority overlap.
      exclusive: p.exclusive && i === 0,
      ...condition,
      reward: {
        ...p.reward,
        ...(p.orderWide && i % 3 === 0 ? { on: "order" } : { products: p.on }),
        ...(p.cap === undefined ? {} : { maxDiscountMinor: p.cap }),
      },
    });
  });
  return {
    ...base,
    settings: { ...base.settings, taxRounding: "line", cashRoundingScope: "cash" },
    promotions: { book: new PromotionBook(parsed), list: parsed, categoriesOf: () => [] },
  };
}

test("every scan's quote equals pricing the whole sale", () => {
  fc.assert(
    fc.property(
      fc.array(promotion, { minLength: 1, maxLength: 4 }),
      fc.array(scan, { minLength: 1, maxLength: 14 }),
      (list, scans) => {
        const env = envOf(list);
        const d = new Driver(env);
        for (const s of scans) {
          d.enter(`${s.qty}*${s.code}`);
          expect(d.state.quote).toEqual(priceSale(d.state.sale, env.settings, promotionsAt(env)));
        }
      },
    ),
    { numRuns: 1000 },
  );
}, 60_000);
