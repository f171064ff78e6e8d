import { describe, expect, test } from "bun:test";
import { priceBasket } from "../../src/core/pricing.ts";
import { DiscountTooLargeError, UnknownTaxClassError } from "../../src/core/pricing-errors.ts";
import { codeOf, domainErrorOf } from "./expect-code.ts";
import { CH, DE, JP, KW, line, NYC, SE } from "./pricing-fixtures.ts";

describe("priceBasket: US sales tax (NYC 8.875%, net prices)", () => {
  const basket = {
    lines: [line("bagel", 125, 3000, "1"), line("milk", 349, 1000, null), line("soap", 595, 1000, "1")],
  };

  test("tax per line on top of the net price; groceries untaxed", () => {
    const quote = priceBasket(basket, NYC);
    // 3.75 × 8.875% = 0.3328 -> 0.33; 5.95 × 8.875% = 0.5281 -> 0.53
    expect(quote.lines.map((l) => [l.extendedMinor, l.discountMinor, l.taxMinor, l.totalMinor])).toEqual([
      [375, 0, 33, 375],
      [349, 0, 0, 349],
      [595, 0, 53, 595],
    ]);
    expect(quote.subtotalMinor).toBe(1319);
    expect(quote.discountMinor).toBe(0);
    expect(quote.taxMinor).toBe(86);
    expect(quote.totalMinor).toBe(1405);
    expect(quote.cashDueMinor).toBe(1405);
    expect(quote.cashRoundingMinor).toBe(0);
    expect(quote.taxes).toEqual([{ taxClass: "1", rate: "8.875", baseMinor: 970, taxMinor: 86 }]);
  });

  test("document rounding: five 0.10 items pay 0.04 tax, not 0.05", () => {
    const five = { lines: Array.from({ length: 5 }, (_, i) => line(`p${i}`, 10, 1000, "1")) };
    expect(priceBasket(five, NYC).taxMinor).toBe(5);
    const quote = priceBasket(five, { ...NYC, taxRounding: "document" });
    expect(quote.taxMinor).toBe(4);
    expect(quote.lines.map((l) => l.taxMinor)).toEqual([1, 1, 1, 1, 0]);
    expect(quote.totalMinor).toBe(54);
  });

  test("a basket discount is shared by largest remainder, then taxed", () => {
    const quote = priceBasket(
      { lines: [line("a", 100, 1000, "1"), line("b", 200, 1000, "1")], discount: { amountMinor: 100 } },
      NYC,
    );
    expect(quote.lines.map((l) => l.discountMinor)).toEqual([33, 67]);
    expect(quote.lines.map((l) => l.totalMinor)).toEqual([67, 133]);
    // 0.67 × 8.875% = 0.0595 -> 0.06; 1.33 × 8.875% = 0.1180 -> 0.12
    expect(quote.lines.map((l) => l.taxMinor)).toEqual([6, 12]);
    expect(quote.subtotalMinor).toBe(300);
    expect(quote.discountMinor).toBe(100);
    expect(quote.totalMinor).toBe(218);
    expect(quote.taxes).toEqual([{ taxClass: "1", rate: "8.875", baseMinor: 200, taxMinor: 18 }]);
  });

  test("line then basket percent discounts: the basket share follows the discounted line totals", () => {
    const quote = priceBasket(
      {
        lines: [line("a", 1000, 1000, "1", { discount: { percent: "50" } }), line("b", 500, 1000, null)],
        discount: { percent: "10" },
      },
      NYC,
    );
    // after line discounts: 5.00 and 5.00; 10% of 10.00 = 1.00 shared 0.50 / 0.50
    expect(quote.lines.map((l) => l.discountMinor)).toEqual([550, 50]);
    expect(quote.lines.map((l) => l.totalMinor)).toEqual([450, 450]);
    expect(quote.discountMinor).toBe(600);
    // 4.50 × 8.875% = 0.3994 -> 0.40
    expect(quote.taxMinor).toBe(40);
    expect(quote.totalMinor).toBe(940);
  });

  test("weighed item: 1.99/lb × 0.455 = 0.90545 -> 0.91", () => {
    const quote = priceBasket({ lines: [line("4011", 199, 455, null)] }, NYC);
    expect(quote.lines[0]?.extendedMinor).toBe(91);
    expect(quote.totalMinor).toBe(91);
  });
});

describe("priceBasket: EU VAT (Germany 19% and 7%, gross prices)", () => {
  const basket = {
    lines: [line("brot", 249, 1000, "red"), line("wein", 899, 1000, "std"), line("butter", 199, 2000, "red")],
  };

  test("tax is contained in the gross total, per class", () => {
    const quote = priceBasket(basket, DE);
    expect(quote.lines.map((l) => l.taxMinor)).toEqual([16, 144, 26]);
    expect(quote.lines.map((l) => l.totalMinor)).toEqual([249, 899, 398]);
    expect(quote.subtotalMinor).toBe(1546);
    expect(quote.totalMinor).toBe(1546);
    expect(quote.taxMinor).toBe(186);
    expect(quote.taxes).toEqual([
      { taxClass: "std", rate: "19", baseMinor: 755, taxMinor: 144 },
      { taxClass: "red", rate: "7", baseMinor: 605, taxMinor: 42 },
    ]);
  });

  test("document rounding per rate: three 0.99 items at 19% contain 0.47, not 0.48", () => {
    const three = {
      lines: [line("a", 99, 1000, "std"), line("b", 99, 1000, "std"), line("c", 99, 1000, "std")],
    };
    expect(priceBasket(three, DE).taxMinor).toBe(48);
    const quote = priceBasket(three, { ...DE, taxRounding: "document" });
    expect(quote.taxMinor).toBe(47);
    expect(quote.totalMinor).toBe(297);
    expect(quote.taxes).toEqual([{ taxClass: "std", rate: "19", baseMinor: 250, taxMinor: 47 }]);
  });

  test("a 10% basket discount lowers the VAT contained", () => {
    const quote = priceBasket({ lines: [line("wein", 1190, 1000, "std")], discount: { percent: "10" } }, DE);
    expect(quote.lines[0]?.totalMinor).toBe(1071);
    // 10.71 × 19/119 = 1.71
    expect(quote.taxMinor).toBe(171);
    expect(quote.totalMinor).toBe(1071);
  });
});

describe("priceBasket: cash rounding", () => {
  test("Switzerland, scope cash: total 10.03 stays, cash due 10.05", () => {
    const quote = priceBasket({ lines: [line("kaffee", 1003, 1000, "std")] }, CH);
    expect(quote.totalMinor).toBe(1003);
    expect(quote.cashDueMinor).toBe(1005);
    expect(quote.cashRoundingMinor).toBe(2);
    // 10.03 × 8.1/108.1 = 0.7516 -> 0.75
    expect(quote.taxMinor).toBe(75);
  });

  test("Switzerland, 10.02 rounds down to 10.00 in cash", () => {
    const quote = priceBasket({ lines: [line("brot", 1002, 1000, "red")] }, CH);
    expect(quote.cashDueMinor).toBe(1000);
    expect(quote.cashRoundingMinor).toBe(-2);
  });

  test("Sweden, scope all: 123.50 kr is owed as 124 kr, the rounding recorded", () => {
    const quote = priceBasket({ lines: [line("a", 10_000, 1000, "25"), line("b", 2350, 1000, "12")] }, SE);
    expect(quote.totalMinor).toBe(12_400);
    expect(quote.cashDueMinor).toBe(12_400);
    expect(quote.cashRoundingMinor).toBe(50);
    expect(quote.lines.reduce((sum, l) => sum + l.totalMinor, 0)).toBe(12_350);
    // 100 × 25/125 = 20.00; 23.50 × 12/112 = 2.5179 -> 2.52
    expect(quote.taxes).toEqual([
      { taxClass: "25", rate: "25", baseMinor: 8000, taxMinor: 2000 },
      { taxClass: "12", rate: "12", baseMinor: 2098, taxMinor: 252 },
    ]);
  });

  test("Sweden, scope all: 123.49 kr is owed as 123 kr", () => {
    const quote = priceBasket({ lines: [line("a", 12_349, 1000, "6")] }, SE);
    expect(quote.totalMinor).toBe(12_300);
    expect(quote.cashRoundingMinor).toBe(-49);
  });

  test("Denmark, 0.50 kr, scope cash: 24.74 kr asked as 24.50 kr", () => {
    const DK = {
      ...CH,
      currency: "DKK",
      cashRoundingMinor: 50,
      taxClasses: [{ id: "25", name: "Moms", rate: "25" }],
    };
    const quote = priceBasket({ lines: [line("a", 2474, 1000, "25")] }, DK);
    expect(quote.totalMinor).toBe(2474);
    expect(quote.cashDueMinor).toBe(2450);
    expect(quote.cashRoundingMinor).toBe(-24);
  });
});

describe("priceBasket: currencies with 0 and 3 decimals", () => {
  test("Japan (JPY, exponent 0): 8% food and 10% standard, rounded per rate", () => {
    const quote = priceBasket(
      {
        lines: [
          line("onigiri", 150, 2000, "8"),
          line("beer", 280, 1000, "10"),
          line("apples", 398, 375, "8"),
        ],
      },
      JP,
    );
    // onigiri 300 + apples 149.25 -> 149: 449 × 8/108 = 33.26 -> 33; beer 280 × 10/110 = 25.45 -> 25
    expect(quote.lines.map((l) => l.extendedMinor)).toEqual([300, 280, 149]);
    expect(quote.totalMinor).toBe(729);
    expect(quote.taxes).toEqual([
      { taxClass: "10", rate: "10", baseMinor: 255, taxMinor: 25 },
      { taxClass: "8", rate: "8", baseMinor: 416, taxMinor: 33 },
    ]);
    expect(quote.taxMinor).toBe(58);
  });

  test("Kuwait (KWD, exponent 3): fils-exact extension and discounts", () => {
    const quote = priceBasket(
      {
        lines: [line("dates", 1250, 455, "0"), line("water", 125, 6000, null)],
        discount: { amountMinor: 19 },
      },
      KW,
    );
    // 1.250 × 0.455 = 0.56875 -> 0.569; 0.125 × 6 = 0.750; 0.019 off shared 8 / 11
    expect(quote.lines.map((l) => l.extendedMinor)).toEqual([569, 750]);
    expect(quote.lines.map((l) => l.discountMinor)).toEqual([8, 11]);
    expect(quote.totalMinor).toBe(1300);
    expect(quote.taxes).toEqual([{ taxClass: "0", rate: "0", baseMinor: 561, taxMinor: 0 }]);
  });
});

describe("priceBasket: refusals", () => {
  test("an amount discount larger than its line is refused", () => {
    const error = domainErrorOf(() =>
      priceBasket({ lines: [line("a", 100, 1000, "1", { discount: { amountMinor: 101 } })] }, NYC),
    );
    expect(error).toBeInstanceOf(DiscountTooLargeError);
    expect(error.details).toMatchObject({ scope: "line", code: "a", maxMinor: 100 });
  });

  test("a basket amount discount larger than the discounted basket is refused", () => {
    const error = domainErrorOf(() =>
      priceBasket(
        {
          lines: [line("a", 100, 1000, "1", { discount: { percent: "50" } }), line("b", 100, 1000, null)],
          discount: { amountMinor: 151 },
        },
        NYC,
      ),
    );
    expect(error.code).toBe("DISCOUNT_TOO_LARGE");
    expect(error.details).toMatchObject({ scope: "basket", maxMinor: 150 });
  });

  test("an unknown tax class is refused with UNKNOWN_TAX_CLASS", () => {
    const error = domainErrorOf(() => priceBasket({ lines: [line("a", 100, 1000, "9")] }, NYC));
    expect(error).toBeInstanceOf(UnknownTaxClassError);
    expect(error.code).toBe("UNKNOWN_TAX_CLASS");
    expect(error.details).toMatchObject({ taxClass: "9", known: ["1"], code: "a" });
  });

  test("bad quantities, prices and settings are refused", () => {
    expect(codeOf(() => priceBasket({ lines: [line("a", 100, 0, null)] }, NYC))).toBe("INVALID_QUANTITY");
    expect(codeOf(() => priceBasket({ lines: [line("a", 100, 10_000_001, null)] }, NYC))).toBe(
      "QUANTITY_TOO_LARGE",
    );
    expect(codeOf(() => priceBasket({ lines: [line("a", -1, 1000, null)] }, NYC))).toBe("INVALID_PRICE");
    expect(codeOf(() => priceBasket({ lines: [line("a", 1.5, 1000, null)] }, NYC))).toBe("INVALID_PRICE");
    expect(codeOf(() => priceBasket({ lines: [] }, { ...NYC, currency: "XYZ" }))).toBe("UNKNOWN_CURRENCY");
    expect(codeOf(() => priceBasket({ lines: [] }, { ...NYC, cashRoundingMinor: -5 }))).toBe(
      "INVALID_CASH_ROUNDING",
    );
    const badMode = JSON.parse('"half-down"') as "half-up";
    expect(codeOf(() => priceBasket({ lines: [] }, { ...NYC, roundingMode: badMode }))).toBe(
      "INVALID_ROUNDING_MODE",
    );
  });

  test("amounts beyond exact range are refused rather than rounded", () => {
    const huge = line("gold", Number.MAX_SAFE_INTEGER, 1000, null);
    expect(codeOf(() => priceBasket({ lines: [huge, huge] }, NYC))).toBe("AMOUNT_TOO_LARGE");
  });

  test("an empty basket costs nothing", () => {
    const quote = priceBasket({ lines: [] }, CH);
    expect(quote).toEqual({
      lines: [],
      subtotalMinor: 0,
      discountMinor: 0,
      taxMinor: 0,
      totalMinor: 0,
      cashDueMinor: 0,
      cashRoundingMinor: 0,
      taxes: [],
    });
  });
});
