import { describe, expect, test } from "bun:test";
import { type PricingSettings, priceBasket, type Quote } from "../../src/core/pricing.ts";
import {
  OverpaymentNotAllowedError,
  TenderShortError,
  UnknownTenderError,
} from "../../src/core/pricing-errors.ts";
import { DEFAULT_TENDER_TYPES, settle, type TenderType } from "../../src/core/tenders.ts";
import { codeOf, domainErrorOf } from "./expect-code.ts";
import { CH, line, NYC, SE } from "./pricing-fixtures.ts";

function quoteOf(totalMinor: number, settings: PricingSettings): Quote {
  return priceBasket({ lines: [line("x", totalMinor, 1000, null)] }, settings);
}

describe("DEFAULT_TENDER_TYPES", () => {
  test("only cash is cash and only cash gives change", () => {
    const types = DEFAULT_TENDER_TYPES.map((t) => t.type);
    expect(types).toEqual([
      "cash",
      "card",
      "check",
      "gift",
      "coupon",
      "ebt",
      "charge",
      "points",
      "giftcard",
      "store_credit",
      "account",
      "bank_transfer",
    ]);
    expect(DEFAULT_TENDER_TYPES.filter((t) => t.isCash || t.allowsChange).map((t) => t.type)).toEqual([
      "cash",
    ]);
  });
});

describe("settle: no cash rounding (US)", () => {
  const quote = quoteOf(1405, NYC);

  test("cash over the total gives change", () => {
    expect(settle(quote, [{ type: "cash", amountMinor: 2000 }], NYC)).toEqual({
      amountDueMinor: 1405,
      paidMinor: 2000,
      changeMinor: 595,
      cashRoundingMinor: 0,
    });
  });

  test("card for part, cash for the rest, in either order", () => {
    const expected = { amountDueMinor: 1405, paidMinor: 1500, changeMinor: 95, cashRoundingMinor: 0 };
    expect(
      settle(
        quote,
        [
          { type: "card", amountMinor: 1000 },
          { type: "cash", amountMinor: 500 },
        ],
        NYC,
      ),
    ).toEqual(expected);
    expect(
      settle(
        quote,
        [
          { type: "cash", amountMinor: 500 },
          { type: "card", amountMinor: 1000 },
        ],
        NYC,
      ),
    ).toEqual(expected);
  });

  test("exact card and several non-cash tenders", () => {
    expect(
      settle(
        quote,
        [
          { type: "gift", amountMinor: 500 },
          { type: "coupon", amountMinor: 100 },
          { type: "card", amountMinor: 805 },
        ],
        NYC,
      ),
    ).toEqual({ amountDueMinor: 1405, paidMinor: 1405, changeMinor: 0, cashRoundingMinor: 0 });
  });

  test("a card paying more than is due is refused with CHANGE_NOT_ALLOWED", () => {
    const error = domainErrorOf(() => settle(quote, [{ type: "card", amountMinor: 1406 }], NYC));
    expect(error).toBeInstanceOf(OverpaymentNotAllowedError);
    expect(error.code).toBe("CHANGE_NOT_ALLOWED");
    expect(error.details).toMatchObject({ type: "card", remainingMinor: 1405, excessMinor: 1 });
    expect(error.message).toContain("14.05 USD");
  });

  test("a second no-change tender is checked against what the first left", () => {
    const error = domainErrorOf(() =>
      settle(
        quote,
        [
          { type: "gift", amountMinor: 1000 },
          { type: "card", amountMinor: 500 },
          { type: "cash", amountMinor: 100 },
        ],
        NYC,
      ),
    );
    expect(error.code).toBe("CHANGE_NOT_ALLOWED");
    expect(error.details).toMatchObject({ type: "card", remainingMinor: 405, excessMinor: 95 });
  });

  test("tenders short of the total are refused with the shortfall", () => {
    const error = domainErrorOf(() =>
      settle(
        quote,
        [
          { type: "card", amountMinor: 1000 },
          { type: "cash", amountMinor: 400 },
        ],
        NYC,
      ),
    );
    expect(error).toBeInstanceOf(TenderShortError);
    expect((error as TenderShortError).shortMinor).toBe(5);
    expect(error.details).toMatchObject({ shortMinor: 5, amountDueMinor: 1405, paidMinor: 1400 });
    expect(codeOf(() => settle(quote, [], NYC))).toBe("TENDER_SHORT");
  });

  test("unknown tenders and zero, negative or fractional amounts are refused", () => {
    const error = domainErrorOf(() => settle(quote, [{ type: "bitcoin", amountMinor: 1405 }], NYC));
    expect(error).toBeInstanceOf(UnknownTenderError);
    expect(error.code).toBe("UNKNOWN_TENDER");
    for (const amountMinor of [0, -100, 1.5, Number.NaN]) {
      expect(codeOf(() => settle(quote, [{ type: "cash", amountMinor }], NYC))).toBe("INVALID_TENDER_AMOUNT");
    }
  });

  test("a zero total needs no tender", () => {
    expect(settle(quoteOf(0, NYC), [], NYC)).toEqual({
      amountDueMinor: 0,
      paidMinor: 0,
      changeMinor: 0,
      cashRoundingMinor: 0,
    });
  });

  test("a custom change-giving non-cash tender (check with cash back) may overpay", () => {
    const types: TenderType[] = [
      { type: "cash", isCash: true, allowsChange: true },
      { type: "check", isCash: false, allowsChange: true },
    ];
    expect(settle(quote, [{ type: "check", amountMinor: 2000 }], NYC, types)).toEqual({
      amountDueMinor: 1405,
      paidMinor: 2000,
      changeMinor: 595,
      cashRoundingMinor: 0,
    });
    expect(codeOf(() => settle(quote, [{ type: "card", amountMinor: 1 }], NYC, types))).toBe(
      "UNKNOWN_TENDER",
    );
  });

  test("duplicate tender types are refused", () => {
    const types: TenderType[] = [
      { type: "cash", isCash: true, allowsChange: true },
      { type: "cash", isCash: true, allowsChange: false },
    ];
    expect(codeOf(() => settle(quote, [{ type: "cash", amountMinor: 1405 }], NYC, types))).toBe(
      "DUPLICATE_TENDER_TYPE",
    );
  });
});

describe("settle: Swiss 0.05 cash rounding, scope cash", () => {
  test("the part paid in cash is rounded: 10.03 paid in cash is 10.05", () => {
    const quote = quoteOf(1003, CH);
    expect(settle(quote, [{ type: "cash", amountMinor: 2000 }], CH)).toEqual({
      amountDueMinor: 1005,
      paidMinor: 2000,
      changeMinor: 995,
      cashRoundingMinor: 2,
    });
  });

  test("10.02 paid with 10.00 cash is fully paid (rounded down)", () => {
    const quote = quoteOf(1002, CH);
    expect(settle(quote, [{ type: "cash", amountMinor: 1000 }], CH)).toEqual({
      amountDueMinor: 1000,
      paidMinor: 1000,
      changeMinor: 0,
      cashRoundingMinor: -2,
    });
  });

  test("a card pays exactly, unrounded", () => {
    const quote = quoteOf(1003, CH);
    expect(settle(quote, [{ type: "card", amountMinor: 1003 }], CH)).toEqual({
      amountDueMinor: 1003,
      paidMinor: 1003,
      changeMinor: 0,
      cashRoundingMinor: 0,
    });
  });

  test("card first, then the rest in cash, rounded: 10.03 - 5.00 = 5.03 -> 5.05", () => {
    const quote = quoteOf(1003, CH);
    const tenders = [
      { type: "cash", amountMinor: 1000 },
      { type: "card", amountMinor: 500 },
    ];
    expect(settle(quote, tenders, CH)).toEqual({
      amountDueMinor: 1005,
      paidMinor: 1500,
      changeMinor: 495,
      cashRoundingMinor: 2,
    });
  });

  test("the cash shortfall is in rounded cash", () => {
    const quote = quoteOf(1003, CH);
    const error = domainErrorOf(() => settle(quote, [{ type: "cash", amountMinor: 1000 }], CH));
    expect(error.code).toBe("TENDER_SHORT");
    expect(error.details).toMatchObject({ shortMinor: 5, amountDueMinor: 1005, cashRounded: true });
    expect(error.message).toContain("0.05 CHF");
  });
});

describe("settle: Swedish whole kronor, scope all", () => {
  test("the rounded total is due from every tender, the quote's rounding recorded", () => {
    const quote = quoteOf(12_350, SE);
    expect(quote.totalMinor).toBe(12_400);
    const card = settle(quote, [{ type: "card", amountMinor: 12_400 }], SE);
    expect(card).toEqual({
      amountDueMinor: 12_400,
      paidMinor: 12_400,
      changeMinor: 0,
      cashRoundingMinor: 50,
    });
    const cash = settle(quote, [{ type: "cash", amountMinor: 20_000 }], SE);
    expect(cash).toEqual({
      amountDueMinor: 12_400,
      paidMinor: 20_000,
      changeMinor: 7600,
      cashRoundingMinor: 50,
    });
    expect(codeOf(() => settle(quote, [{ type: "card", amountMinor: 12_401 }], SE))).toBe(
      "CHANGE_NOT_ALLOWED",
    );
  });
});
