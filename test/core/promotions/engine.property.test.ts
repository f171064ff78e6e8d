import { describe, expect, test } from "bun:test";
import fc from "fast-check";
import { priceBasket } from "../../../src/core/pricing.ts";
import {
  livePromotions,
  type Promotion,
  PromotionBook,
  type PromotionLine,
  priceWithPromotions,
  promotionClock,
} from "../../../src/core/promotions/index.ts";
import { linesNamedBy } from "../../../src/core/promotions/untouched.ts";
import { DE, NYC } from "../pricing-fixtures.ts";
import { MONDAY_NOON, promo, run } from "./support.ts";

const CODES = ["A", "B", "C", "D", "E", "F"] as const;
const CATEGORY: Record<string, string> = { A: "fresh", B: "fresh", C: "dry", D: "dry", E: "wine", F: "wine" };
const DEPARTMENT: Record<string, string> = { A: "1", B: "2", C: "1", D: "2", E: "3", F: "3" };

const lineArb: fc.Arbitrary<PromotionLine> = fc
  .record({
    code: fc.constantFrom(...CODES),
    qtyMilli: fc.oneof(
      fc.integer({ min: 1, max: 12 }).map((n) => n * 1000),
      fc.integer({ min: 1, max: 5000 }),
    ),
    amountMinor: fc.integer({ min: 0, max: 50_000 }),
  })
  .map((l) => ({ ...l, categories: [CATEGORY[l.code] ?? "x"], department: DEPARTMENT[l.code] ?? null }));

const percentArb = fc.integer({ min: 0, max: 1_000_000 }).map((n) => (n / 10_000).toFixed(4));
const namesArb = fc.record(
  {
    products: fc.uniqueArray(fc.constantFrom(...CODES), { minLength: 1, maxLength: 3 }),
    categories: fc.uniqueArray(fc.constantFrom("fresh", "dry", "wine"), { minLength: 1, maxLength: 2 }),
    departments: fc.uniqueArray(fc.constantFrom("1", "2", "3"), { minLength: 1, maxLength: 2 }),
  },
  { requiredKeys: [] },
);
const rewardArb = fc.oneof(
  fc.record({ kind: fc.constant("percent"), percent: percentArb }),
  fc.record({ kind: fc.constant("amount"), amountMinor: fc.integer({ min: 0, max: 20_000 }) }),
  fc.record({ kind: fc.constant("fixedPrice"), priceMinor: fc.integer({ min: 0, max: 5_000 }) }),
  fc.record({
    kind: fc.constant("fixedPrice"),
    priceMinor: fc.integer({ min: 0, max: 10_000 }),
    buy: fc.integer({ min: 1, max: 4 }),
  }),
  fc.record({ kind: fc.constant("cheapest"), percent: percentArb }),
  fc.record({
    kind: fc.constant("multibuy"),
    buy: fc.integer({ min: 1, max: 3 }),
    get: fc.integer({ min: 1, max: 2 }),
    percent: percentArb,
  }),
);
const promotionArb: fc.Arbitrary<Promotion> = fc
  .record({
    n: fc.integer({ min: 0, max: 1_000_000 }),
    reward: rewardArb,
    names: namesArb,
    on: fc.constantFrom("order", "matching", undefined),
    condition: fc.option(
      fc.record(
        {
          names: namesArb,
          minQty: fc.integer({ min: 1, max: 6 }),
          minAmountMinor: fc.integer({ min: 0, max: 30_000 }),
        },
        { requiredKeys: ["names"] },
      ),
      { nil: undefined },
    ),
    cap: fc.option(fc.integer({ min: 0, max: 5_000 }), { nil: undefined }),
    priority: fc.integer({ min: -2, max: 2 }),
    exclusive: fc.boolean(),
  })
  .map((r) =>
    promo({
      id: `p${r.n}`,
      priority: r.priority,
      exclusive: r.exclusive,
      reward: {
        ...r.reward,
        ...r.names,
        ...(r.on === undefined ? {} : { on: r.on }),
        ...(r.cap === undefined ? {} : { maxDiscountMinor: r.cap }),
      },
      ...(r.condition === undefined
        ? {}
        : {
            condition: {
              ...r.condition.names,
              ...(r.condition.minQty === undefined ? {} : { minQty: r.condition.minQty }),
              ...(r.condition.minAmountMinor === undefined
                ? {}
                : { minAmountMinor: r.condition.minAmountMinor }),
            },
          }),
    }),
  );
const promotionsArb = fc.uniqueArray(promotionArb, { maxLength: 6, selector: (p) => p.id });
const linesArb = fc.array(lineArb, { minLength: 1, maxLength: 12 });

describe("promotion engine properties", () => {
  test("a discount never makes a line negative, and the promotions add up to the lines' discounts", () => {
    fc.assert(
      fc.property(promotionsArb, linesArb, (promotions, lines) => {
        const out = run(promotions, lines);
        out.lineDiscountMinor.forEach((d, i) => {
          expect(Number.isInteger(d)).toBe(true);
          expect(d).toBeGreaterThanOrEqual(0);
          expect(d).toBeLessThanOrEqual(lines[i]?.amountMinor ?? 0);
        });
        const applied = out.applied.reduce((s, p) => s + p.discountMinor, 0);
        expect(applied).toBe(out.lineDiscountMinor.reduce((s, d) => s + d, 0));
        for (const p of out.applied) {
          const cap = promotions.find((x) => x.id === p.id)?.reward.maxDiscountMinor;
          if (cap !== undefined) expect(p.discountMinor).toBeLessThanOrEqual(cap);
          expect(p.discountMinor).toBeGreaterThan(0);
        }
      }),
      { numRuns: 400 },
    );
  });

  test("the result does not depend on the order the lines were scanned in", () => {
    fc.assert(
      fc.property(
        promotionsArb,
        linesArb.chain((lines) =>
          fc.tuple(fc.constant(lines), fc.shuffledSubarray(lines, { minLength: lines.length })),
        ),
        (promotions, [lines, shuffled]) => {
          const a = run(promotions, lines);
          const b = run(promotions, shuffled);
          expect(b.applied).toEqual(a.applied);
          const key = (ls: readonly PromotionLine[], ds: readonly number[]) =>
            ls.map((l, i) => `${l.code}|${l.qtyMilli}|${l.amountMinor}|${ds[i]}`).sort();
          expect(key(shuffled, b.lineDiscountMinor)).toEqual(key(lines, a.lineDiscountMinor));
        },
      ),
      { numRuns: 300 },
    );
  });

  test("priced with promotions, the quote adds up: lines, totals and the named promotions", () => {
    fc.assert(
      fc.property(promotionsArb, linesArb, fc.boolean(), (promotions, seeds, gross) => {
        const lines = seeds.map((l) => ({
          code: l.code,
          name: l.code,
          qtyMilli: l.qtyMilli,
          unitPriceMinor: Math.floor(l.amountMinor / Math.max(1, l.qtyMilli / 1000)),
          taxClass: gross ? "std" : "1",
          categories: l.categories,
          department: l.department,
        }));
        const settings = gross ? DE : NYC;
        const quote = priceWithPromotions({ lines }, settings, {
          book: new PromotionBook(promotions),
          at: MONDAY_NOON,
          timeZone: "UTC",
        });
        const plain = priceBasket({ lines }, settings);
        const promoted = quote.promotions.reduce((s, p) => s + p.discountMinor, 0);
        expect(quote.discountMinor).toBe(plain.discountMinor + promoted);
        expect(quote.subtotalMinor).toBe(plain.subtotalMinor);
        for (const l of quote.lines) {
          expect(l.totalMinor).toBe(l.extendedMinor - l.discountMinor);
          expect(l.totalMinor).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 200 },
    );
  });

  test("lines no live promotion names take nothing, and their amounts change nothing for the others", () => {
    fc.assert(
      fc.property(promotionsArb, linesArb, (promotions, lines) => {
        const book = new PromotionBook(promotions);
        const context = { clock: promotionClock(MONDAY_NOON, "UTC"), roundingMode: "half-up" as const };
        const named = linesNamedBy(livePromotions(book, lines, context), lines);
        const out = run(promotions, lines);
        if (named === null) return;
        const zeroed = lines.map((l, i) => (named.has(i) ? l : { ...l, amountMinor: 0 }));
        expect(run(promotions, zeroed)).toEqual(out);
        lines.forEach((_, i) => {
          if (!named.has(i)) expect(out.lineDiscountMinor[i]).toBe(0);
        });
      }),
      { numRuns: 500 },
    );
  });
});
