import { describe, expect, test } from "bun:test";
import { checkRungDocument } from "../../src/core/as-rung.ts";
import { groupDiscountPromotion } from "../../src/core/group-discount.ts";
import { priceBasket } from "../../src/core/pricing.ts";
import { NYC } from "./pricing-fixtures.ts";

describe("groupDiscountPromotion", () => {
  test("the best discount among the customer's groups, as a percent off the order for its members", () => {
    expect(
      groupDiscountPromotion([
        { id: "friends", name: "Friends", discountBp: 550 },
        { id: "staff", name: "Staff", discountBp: 1_000 },
        { id: "newsletter", name: "Newsletter", discountBp: null },
      ]),
    ).toEqual({
      id: "group:staff",
      name: "Staff 10%",
      customerGroups: ["staff"],
      reward: { kind: "percent", percent: "10", on: "order" },
      priority: 1000,
    });
    expect(groupDiscountPromotion([{ id: "f", name: "F", discountBp: 550 }])?.reward.percent).toBe("5.5");
    expect(groupDiscountPromotion([{ id: "f", name: "F", discountBp: 1_255 }])?.reward.percent).toBe("12.55");
  });

  test("no group with a discount: none", () => {
    expect(groupDiscountPromotion([])).toBeNull();
    expect(groupDiscountPromotion([{ id: "x", name: "X", discountBp: null }])).toBeNull();
  });
});

describe("as rung: a group discount", () => {
  const line = { code: "A", name: "A", qtyMilli: 1000, unitPriceMinor: 1_000, taxClass: null };
  const quote = priceBasket({ lines: [{ ...line, discount: { amountMinor: 100 } }] }, NYC);
  const doc = {
    ...quote,
    lines: quote.lines.map((l) => ({ ...l, taxRate: null })),
    promotions: [{ id: "group:staff", name: "Staff 10%", discountMinor: 100 }],
  };

  test("needs the card the sale was rung with", () => {
    const check = checkRungDocument(doc, NYC);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.mismatches.map((m) => m.field)).toEqual(["card"]);
    expect(checkRungDocument({ ...doc, card: "2990000000019" }, NYC).ok).toBe(true);
  });
});
