/** Reorder point, order-up-to level and suggested order, by hand-computed values. */
import { describe, expect, test } from "bun:test";
import { normalQuantile, reorderPlan } from "../../../src/core/forecast/index.ts";

describe("normalQuantile", () => {
  test("known safety factors", () => {
    expect(normalQuantile(0.5)).toBeCloseTo(0, 9);
    expect(normalQuantile(0.95)).toBeCloseTo(1.644854, 5);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.99)).toBeCloseTo(2.326348, 5);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.326348, 5);
    expect(() => normalQuantile(1)).toThrow(RangeError);
  });
});

describe("reorderPlan", () => {
  // 10 a day, σ 3 a day, lead time 4 days, review 3 days, 95%: z = 1.6449.
  const base = {
    dailyMilli: [10_000],
    sigmaMilli: 3_000,
    leadTimeDays: 4,
    reviewDays: 3,
    serviceLevel: 0.95,
    caseSizeMilli: 12_000,
    minOrderMilli: 0,
  };
  // SS = 1.6449 · 3 · √7 = 13.056; s = 40 + 13.056 = 53.056; S = 70 + 13.056 = 83.056.
  test("below the reorder point: up to the order-up-to level in whole cases", () => {
    const plan = reorderPlan({ ...base, onHandMilli: 20_000 });
    expect(plan.safetyStockMilli).toBe(13_056);
    expect(plan.reorderPointMilli).toBe(53_056);
    expect(plan.orderUpToMilli).toBe(83_056);
    // 83.056 − 20 = 63.056 → 6 cases of 12 = 72.
    expect(plan.orderMilli).toBe(72_000);
  });

  test("above the reorder point: no order", () => {
    expect(reorderPlan({ ...base, onHandMilli: 54_000 }).orderMilli).toBe(0);
  });

  test("on order counts as stock", () => {
    expect(reorderPlan({ ...base, onHandMilli: 20_000, onOrderMilli: 40_000 }).orderMilli).toBe(0);
  });

  test("the vendor's minimum order, rounded up to the case", () => {
    expect(reorderPlan({ ...base, onHandMilli: 50_000, minOrderMilli: 50_000 }).orderMilli).toBe(60_000);
  });

  test("negative stock (sold before it was received) is made up", () => {
    const plan = reorderPlan({ ...base, onHandMilli: -5_000, caseSizeMilli: 1_000 });
    expect(plan.orderMilli).toBe(89_000);
  });

  test("a daily forecast that varies is summed day by day", () => {
    const plan = reorderPlan({
      ...base,
      dailyMilli: [1_000, 2_000, 3_000, 4_000, 5_000],
      sigmaMilli: 0,
      onHandMilli: 0,
      caseSizeMilli: 1_000,
    });
    expect(plan.reorderPointMilli).toBe(10_000); // 1 + 2 + 3 + 4
    expect(plan.orderUpToMilli).toBe(25_000); // + 5 + 5 + 5 (the last day repeated)
    expect(plan.orderMilli).toBe(25_000);
  });
});
