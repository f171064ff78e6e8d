/**
 * Promotion performance, worked by hand: uses and discount come from the sales that got the
 * promotion; the promoted lines' sales are compared with the same length of time before.
 */
import { expect, test } from "bun:test";
import { periodBefore, promotionPerformance, upliftPercent } from "../../../src/core/promotions/index.ts";
import { promo } from "./support.ts";

const line = (code: string, qty: number, totalMinor: number, categories: string[] = []) => ({
  code,
  department: null,
  categories,
  qtyMilli: qty * 1000,
  totalMinor,
});

test("uses, discount and uplift of a product promotion and an order-wide one", () => {
  const jam = promo({
    id: "jam",
    name: "Jam 2 for 5",
    reward: { kind: "fixedPrice", priceMinor: 500, buy: 2, products: ["JAM"] },
  });
  const order = promo({ id: "order", name: "5 % off", reward: { kind: "percent", percent: 5, on: "order" } });
  const during = [
    { promotions: [{ id: "jam", discountMinor: 100 }], lines: [line("JAM", 2, 500), line("BREAD", 1, 250)] },
    { promotions: [{ id: "jam", discountMinor: 200 }], lines: [line("JAM", 4, 1_000)] },
    { promotions: [], lines: [line("BREAD", 2, 500)] },
  ];
  const before = [{ promotions: [], lines: [line("JAM", 3, 900), line("BREAD", 1, 250)] }];
  expect(promotionPerformance([jam, order], during, before)).toEqual([
    {
      id: "jam",
      name: "Jam 2 for 5",
      uses: 2,
      discountMinor: 300,
      salesMinor: 1_500,
      qtyMilli: 6_000,
      beforeSalesMinor: 900,
      beforeQtyMilli: 3_000,
      // (1500 − 900) / 900 = 66.666… %
      upliftPercent: "66.67",
    },
    {
      id: "order",
      name: "5 % off",
      uses: 0,
      discountMinor: 0,
      salesMinor: 2_250,
      qtyMilli: 9_000,
      beforeSalesMinor: 1_150,
      beforeQtyMilli: 4_000,
      // (2250 − 1150) / 1150 = 95.652… %
      upliftPercent: "95.65",
    },
  ]);
});

test("uplift: a fall is negative, nothing before is null; the period before is as long", () => {
  expect(upliftPercent(450, 600)).toBe("-25.00");
  expect(upliftPercent(100, 0)).toBeNull();
  expect(periodBefore("2026-03-09T00:00:00.000Z", "2026-03-16T00:00:00.000Z")).toEqual({
    from: "2026-03-02T00:00:00.000Z",
    to: "2026-03-09T00:00:00.000Z",
  });
});
