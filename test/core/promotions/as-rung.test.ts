import { describe, expect, test } from "bun:test";
import { checkRungDocument, rungDocumentOf } from "../../../src/core/as-rung.ts";
import { PromotionBook, priceWithPromotions } from "../../../src/core/promotions/index.ts";
import { parseQuantityMilli } from "../../../src/core/quantity.ts";
import { NYC } from "../pricing-fixtures.ts";
import { MONDAY_NOON, promo } from "./support.ts";

const quantityOfRung = <T extends { qty: string }>(line: T) => ({
  ...line,
  qtyMilli: parseQuantityMilli(line.qty),
});

function rung() {
  const quote = priceWithPromotions(
    { lines: [{ code: "A", name: "Apples", qtyMilli: 3000, unitPriceMinor: 100, taxClass: "1" }] },
    NYC,
    {
      book: new PromotionBook([
        promo({
          id: "b2g1",
          name: "3 for 2",
          reward: { kind: "multibuy", buy: 2, get: 1, percent: 100, products: ["A"] },
        }),
      ]),
      at: MONDAY_NOON,
      timeZone: "UTC",
    },
  );
  return rungDocumentOf(quote, new Map([["1", "8.875"]]));
}

describe("a sale as rung carries its promotions", () => {
  test("the document names each promotion, and the check accepts it without pricing promotions again", () => {
    const doc = rung();
    expect(doc.promotions).toEqual([{ id: "b2g1", name: "3 for 2", discountMinor: 100 }]);
    const check = checkRungDocument({ ...doc, lines: doc.lines.map(quantityOfRung) }, NYC);
    expect(check.ok).toBe(true);
  });

  test("promotions that claim more than the document's discounts do not add up", () => {
    const doc = rung();
    const inflated = { ...doc, promotions: [{ id: "b2g1", name: "3 for 2", discountMinor: 150 }] };
    const check = checkRungDocument({ ...inflated, lines: doc.lines.map(quantityOfRung) }, NYC);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.mismatches[0]?.field).toBe("promotions");
  });
});
