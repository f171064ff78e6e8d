/** Invariants of the forecast and the reorder plan on any history: non-negative, finite, deterministic. */
import { describe, expect, test } from "bun:test";
import fc from "fast-check";
import { forecastDemand, reorderPlan } from "../../../src/core/forecast/index.ts";

const historyArb = fc.record({
  qtyMilli: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 50_000_000 })), { maxLength: 120 }),
  firstWeekday: fc.integer({ min: 0, max: 6 }),
  stockOut: fc.option(fc.array(fc.boolean(), { maxLength: 120 }), { nil: undefined }),
  promo: fc.option(fc.array(fc.boolean(), { maxLength: 120 }), { nil: undefined }),
});
const priorArb = fc.option(
  fc.array(fc.double({ min: 0.01, max: 5, noNaN: true }), { minLength: 7, maxLength: 7 }),
  {
    nil: undefined,
  },
);

describe("forecast invariants", () => {
  test("every forecast day is a non-negative integer of thousandths; sigma too; same input, same answer", () => {
    fc.assert(
      fc.property(historyArb, priorArb, fc.integer({ min: 0, max: 60 }), (history, prior, horizon) => {
        const options = prior ? { horizon, weekdayPrior: prior } : { horizon };
        const { stockOut, promo, ...days } = history;
        const input = { ...days, ...(stockOut ? { stockOut } : {}), ...(promo ? { promo } : {}) };
        const f = forecastDemand(input, options);
        expect(f.dailyMilli).toHaveLength(horizon);
        for (const q of [...f.dailyMilli, f.sigmaMilli]) {
          expect(Number.isSafeInteger(q)).toBe(true);
          expect(q).toBeGreaterThanOrEqual(0);
        }
        for (const w of f.weekday) expect(Number.isFinite(w)).toBe(true);
        expect(forecastDemand(input, options)).toEqual(f);
      }),
      { numRuns: 300 },
    );
  });

  test("an order is whole cases, at least the minimum, and brings stock to at least the order-up-to level", () => {
    fc.assert(
      fc.property(
        fc.record({
          dailyMilli: fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 40 }),
          sigmaMilli: fc.integer({ min: 0, max: 500_000 }),
          leadTimeDays: fc.integer({ min: 0, max: 30 }),
          reviewDays: fc.integer({ min: 0, max: 14 }),
          serviceLevel: fc.double({ min: 0.5, max: 0.999, noNaN: true }),
          onHandMilli: fc.integer({ min: -100_000, max: 10_000_000 }),
          caseSizeMilli: fc.integer({ min: 1, max: 48 }).map((units) => units * 1000),
          minOrderMilli: fc.integer({ min: 0, max: 100 }).map((units) => units * 1000),
        }),
        (input) => {
          const { onHandMilli, caseSizeMilli, minOrderMilli } = input;
          const plan = reorderPlan(input);
          expect(plan.safetyStockMilli).toBeGreaterThanOrEqual(0);
          expect(plan.orderUpToMilli).toBeGreaterThanOrEqual(plan.reorderPointMilli);
          expect(plan.orderMilli % caseSizeMilli).toBe(0);
          if (plan.orderMilli > 0) {
            expect(onHandMilli).toBeLessThanOrEqual(plan.reorderPointMilli);
            expect(plan.orderMilli).toBeGreaterThanOrEqual(minOrderMilli);
            expect(onHandMilli + plan.orderMilli).toBeGreaterThanOrEqual(plan.orderUpToMilli);
          } else {
            expect(onHandMilli > plan.reorderPointMilli || plan.orderUpToMilli <= onHandMilli).toBe(true);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
