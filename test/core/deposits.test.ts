import { describe, expect, test } from "bun:test";
import { checkRungDocument, type RungLine, rungDocumentOf } from "../../src/core/as-rung.ts";
import { depositTotals } from "../../src/core/deposits.ts";
import { type BasketLineInput, priceBasket } from "../../src/core/pricing.ts";
import { parseQuantityMilli } from "../../src/core/quantity.ts";
import { settle } from "../../src/core/tenders.ts";
import { codeOf } from "./expect-code.ts";
import { CH, NYC } from "./pricing-fixtures.ts";

const soda: BasketLineInput = {
  code: "SODA",
  name: "Soda",
  qtyMilli: 2000,
  unitPriceMinor: 199,
  taxClass: "1",
};
const deposit: BasketLineInput = {
  code: "DEP10",
  name: "Bottle deposit",
  qtyMilli: 2000,
  unitPriceMinor: 10,
  taxClass: null,
  kind: "deposit",
  linkedLine: 0,
};
const empties: BasketLineInput = {
  code: "DEP10",
  name: "Bottle deposit",
  qtyMilli: -3000,
  unitPriceMinor: 10,
  taxClass: null,
  kind: "depositReturn",
};

describe("linked deposits", () => {
  test("a deposit line adds its amount, untaxed, and takes no share of the sale's discount", () => {
    const quote = priceBasket({ lines: [soda, deposit], discount: { percent: "10" } }, NYC);
    expect(quote.lines[1]).toMatchObject({
      kind: "deposit",
      linkedLine: 0,
      discountMinor: 0,
      totalMinor: 20,
    });
    expect(quote.lines[0]?.discountMinor).toBe(40); // 10% of 3.98, the deposit left out
    expect(quote.totalMinor).toBe(398 - 40 + 32 + 20);
  });

  test("a deposit must follow an item of the same quantity", () => {
    expect(codeOf(() => priceBasket({ lines: [deposit] }, NYC))).toBe("INVALID_DEPOSIT_LINK");
    expect(codeOf(() => priceBasket({ lines: [soda, { ...deposit, qtyMilli: 1000 }] }, NYC))).toBe(
      "INVALID_DEPOSIT_LINK",
    );
    expect(
      codeOf(() => priceBasket({ lines: [soda, { ...deposit, discount: { percent: "5" } }] }, NYC)),
    ).toBe("DEPOSIT_NOT_DISCOUNTABLE");
  });

  test("returned empties are a negative line that reduces the total", () => {
    const quote = priceBasket({ lines: [soda, deposit, empties] }, NYC);
    expect(quote.lines[2]).toMatchObject({
      qtyMilli: -3000,
      extendedMinor: -30,
      totalMinor: -30,
      taxMinor: 0,
    });
    expect(quote.totalMinor).toBe(398 + 35 + 20 - 30);
    expect(depositTotals(quote.lines)).toEqual({ collectedMinor: 20, refundedMinor: 30 });
  });

  test("only a deposit return may have a negative quantity", () => {
    expect(codeOf(() => priceBasket({ lines: [{ ...soda, qtyMilli: -1000 }] }, NYC))).toBe(
      "INVALID_QUANTITY",
    );
    expect(codeOf(() => priceBasket({ lines: [{ ...empties, qtyMilli: 1000 }] }, NYC))).toBe(
      "INVALID_DEPOSIT_RETURN",
    );
  });

  test("a taxed deposit's return gives its tax back", () => {
    const quote = priceBasket({ lines: [{ ...empties, taxClass: "1", unitPriceMinor: 100 }] }, NYC);
    expect(quote.lines[0]).toMatchObject({ totalMinor: -300, taxMinor: -27 });
    expect(quote.taxes).toEqual([{ taxClass: "1", rate: "8.875", baseMinor: -300, taxMinor: -27 }]);
    expect(quote.totalMinor).toBe(-327);
  });

  test("a sale of empties only pays the customer out in cash, rounded where cash is", () => {
    const quote = priceBasket({ lines: [empties] }, NYC);
    expect(quote.totalMinor).toBe(-30);
    expect(settle(quote, [], NYC)).toMatchObject({ changeMinor: 30, paidMinor: 0, amountDueMinor: -30 });
    expect(codeOf(() => settle(quote, [{ type: "card", amountMinor: 10 }], NYC))).toBe("CHANGE_NOT_ALLOWED");
    const chf = priceBasket({ lines: [{ ...empties, qtyMilli: -7000, taxClass: null }] }, CH);
    expect(chf.totalMinor).toBe(-70);
    const odd = priceBasket({ lines: [{ ...empties, qtyMilli: -1000, unitPriceMinor: 12 }] }, CH);
    expect(settle(odd, [], CH)).toMatchObject({ changeMinor: 10, cashRoundingMinor: 2 });
  });

  test("the document as rung carries kinds and links, and the store's check accepts it", () => {
    const quote = priceBasket({ lines: [soda, deposit, empties] }, NYC);
    const body = rungDocumentOf(quote, new Map([["1", "8.875"]]));
    expect(body.lines[1]).toMatchObject({ kind: "deposit", linkedLine: 0, qty: "2" });
    expect(body.lines[2]).toMatchObject({ kind: "depositReturn", qty: "-3", totalMinor: -30 });
    const lines: RungLine[] = body.lines.map((l) => ({
      ...l,
      qtyMilli: l.kind === "depositReturn" ? -parseQuantityMilli(l.qty.slice(1)) : parseQuantityMilli(l.qty),
    }));
    expect(checkRungDocument({ ...body, lines }, NYC).ok).toBe(true);
    const unlinked = lines.map((l, i) => (i === 1 ? { ...l, linkedLine: undefined } : l));
    expect(checkRungDocument({ ...body, lines: unlinked }, NYC).ok).toBe(false);
    const asItem = lines.map((l, i) => (i === 2 ? { ...l, kind: undefined } : l));
    expect(checkRungDocument({ ...body, lines: asItem }, NYC).ok).toBe(false);
  });
});
