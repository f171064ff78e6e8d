import { describe, expect, test } from "bun:test";
import { PromotionBook, priceWithPromotions } from "../../../src/core/promotions/index.ts";
import { DE, NYC } from "../pricing-fixtures.ts";
import { MONDAY_NOON, promo } from "./support.ts";

const tenPercent = promo({
  id: "ten",
  name: "Ten off",
  reward: { kind: "percent", percent: "10", products: ["A"] },
});

describe("pricing with promotions", () => {
  test("net prices: tax is computed on the line after its promotion", () => {
    // 10.00 − 10 % = 9.00; tax 8.875 % of 9.00 = 0.79875 → 0.80; total 9.80.
    const quote = priceWithPromotions(
      { lines: [{ code: "A", name: "Apples", qtyMilli: 1000, unitPriceMinor: 1000, taxClass: "1" }] },
      NYC,
      { book: new PromotionBook([tenPercent]), at: MONDAY_NOON, timeZone: "UTC" },
    );
    expect(quote.lines[0]).toMatchObject({ discountMinor: 100, taxMinor: 80, totalMinor: 900 });
    expect(quote.totalMinor).toBe(980);
    expect(quote.promotions).toEqual([{ id: "ten", name: "Ten off", discountMinor: 100 }]);
  });

  test("gross prices: the line's own discount first, the promotion on what is left, the deposit never", () => {
    // 2 × 5.00 = 10.00, 1.00 off by hand → 9.00; 10 % → 0.90; 8.10 with 19 % VAT inside: 1.29.
    const quote = priceWithPromotions(
      {
        lines: [
          {
            code: "A",
            name: "Apfelsaft",
            qtyMilli: 2000,
            unitPriceMinor: 500,
            taxClass: "std",
            discount: { amountMinor: 100 },
          },
          {
            code: "PFAND",
            name: "Pfand",
            qtyMilli: 2000,
            unitPriceMinor: 25,
            taxClass: "std",
            kind: "deposit",
            linkedLine: 0,
          },
        ],
      },
      DE,
      {
        book: new PromotionBook([
          promo({ id: "all", reward: { kind: "percent", percent: "10", on: "order" } }),
        ]),
        at: MONDAY_NOON,
        timeZone: "UTC",
      },
    );
    expect(quote.lines[0]).toMatchObject({ discountMinor: 190, totalMinor: 810, taxMinor: 129 });
    expect(quote.lines[1]).toMatchObject({ discountMinor: 0, totalMinor: 50 });
    expect(quote.promotions).toEqual([{ id: "all", name: "all", discountMinor: 90 }]);
  });

  test("without promotions in force the quote is the engine's plain one", () => {
    const quote = priceWithPromotions(
      { lines: [{ code: "B", name: "Bread", qtyMilli: 1000, unitPriceMinor: 300, taxClass: null }] },
      NYC,
      { book: new PromotionBook([tenPercent]), at: MONDAY_NOON, timeZone: "UTC" },
    );
    expect(quote.promotions).toEqual([]);
    expect(quote.totalMinor).toBe(300);
  });
});
