import { describe, expect, test } from "bun:test";
import { InvalidInputError } from "../../src/core/errors.ts";
import {
  currencyExponent,
  formatMoney,
  minorToDecimalString,
  normalizeCurrency,
  parseMoneyToMinor,
  sumMinor,
} from "../../src/core/money.ts";

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidInputError) return error.code;
    throw error;
  }
  throw new Error("expected an InvalidInputError");
}

describe("currencyExponent", () => {
  test("ISO 4217 minor units: JPY 0, USD 2, EUR 2, CHF 2, KWD 3, BHD 3, CLF 4", () => {
    expect(currencyExponent("JPY")).toBe(0);
    expect(currencyExponent("USD")).toBe(2);
    expect(currencyExponent("EUR")).toBe(2);
    expect(currencyExponent("CHF")).toBe(2);
    expect(currencyExponent("KWD")).toBe(3);
    expect(currencyExponent("BHD")).toBe(3);
    expect(currencyExponent("CLF")).toBe(4);
  });

  test("lower-case codes are accepted", () => {
    expect(currencyExponent("jpy")).toBe(0);
    expect(normalizeCurrency("chf")).toBe("CHF");
  });

  test("unknown codes are refused with UNKNOWN_CURRENCY", () => {
    expect(codeOf(() => currencyExponent("ABC"))).toBe("UNKNOWN_CURRENCY");
    expect(codeOf(() => currencyExponent("US"))).toBe("UNKNOWN_CURRENCY");
    expect(codeOf(() => currencyExponent("USDX"))).toBe("UNKNOWN_CURRENCY");
    expect(codeOf(() => currencyExponent(""))).toBe("UNKNOWN_CURRENCY");
    expect(codeOf(() => currencyExponent("€"))).toBe("UNKNOWN_CURRENCY");
  });
});

describe("parseMoneyToMinor", () => {
  test("parses decimal text into minor units", () => {
    expect(parseMoneyToMinor("5.95", 2)).toBe(595);
    expect(parseMoneyToMinor("-1.5", 2)).toBe(-150);
    expect(parseMoneyToMinor("5", 2)).toBe(500);
    expect(parseMoneyToMinor("0.05", 2)).toBe(5);
    expect(parseMoneyToMinor("007.10", 2)).toBe(710);
    expect(parseMoneyToMinor("1200", 0)).toBe(1200);
    expect(parseMoneyToMinor("1.234", 3)).toBe(1234);
    expect(parseMoneyToMinor("1.2", 3)).toBe(1200);
  });

  test("minus zero is plain zero", () => {
    expect(Object.is(parseMoneyToMinor("-0.00", 2), 0)).toBe(true);
  });

  test("more decimals than the currency has are refused", () => {
    expect(codeOf(() => parseMoneyToMinor("5.955", 2))).toBe("INVALID_AMOUNT");
    expect(codeOf(() => parseMoneyToMinor("5.0", 0))).toBe("INVALID_AMOUNT");
    expect(codeOf(() => parseMoneyToMinor("1.2345", 3))).toBe("INVALID_AMOUNT");
  });

  test("junk, exponents, blanks and stray signs are refused", () => {
    for (const text of [
      "",
      " 5.95",
      "5.95 ",
      "1e3",
      "5,95",
      "$5",
      "+5",
      "--5",
      ".5",
      "5.",
      "abc",
      "0x10",
      "Infinity",
      "NaN",
    ]) {
      expect(codeOf(() => parseMoneyToMinor(text, 2))).toBe("INVALID_AMOUNT");
    }
  });

  test("amounts beyond the safe integer range are refused, the edge is accepted", () => {
    expect(parseMoneyToMinor("90071992547409.91", 2)).toBe(Number.MAX_SAFE_INTEGER);
    expect(codeOf(() => parseMoneyToMinor("90071992547409.92", 2))).toBe("INVALID_AMOUNT");
    expect(codeOf(() => parseMoneyToMinor("99999999999999999999", 0))).toBe("INVALID_AMOUNT");
  });

  test("a bad exponent is refused", () => {
    expect(codeOf(() => parseMoneyToMinor("1", -1))).toBe("INVALID_EXPONENT");
    expect(codeOf(() => parseMoneyToMinor("1", 1.5))).toBe("INVALID_EXPONENT");
  });
});

describe("minorToDecimalString", () => {
  test("renders exact decimal text", () => {
    expect(minorToDecimalString(595, 2)).toBe("5.95");
    expect(minorToDecimalString(5, 0)).toBe("5");
    expect(minorToDecimalString(-5, 2)).toBe("-0.05");
    expect(minorToDecimalString(0, 2)).toBe("0.00");
    expect(minorToDecimalString(1234, 3)).toBe("1.234");
    expect(minorToDecimalString(7, 3)).toBe("0.007");
    expect(minorToDecimalString(Number.MAX_SAFE_INTEGER, 2)).toBe("90071992547409.91");
  });

  test("round-trips with parseMoneyToMinor", () => {
    for (const [minor, exponent] of [
      [595, 2],
      [-150, 2],
      [1200, 0],
      [1, 3],
      [Number.MIN_SAFE_INTEGER, 2],
    ] as const) {
      expect(parseMoneyToMinor(minorToDecimalString(minor, exponent), exponent)).toBe(minor);
    }
  });

  test("non-integers are refused", () => {
    expect(codeOf(() => minorToDecimalString(5.5, 2))).toBe("INVALID_AMOUNT");
  });
});

describe("formatMoney", () => {
  test("formats with the currency's own exponent", () => {
    expect(formatMoney(595, "USD", "en-US")).toBe("$5.95");
    expect(formatMoney(-5, "USD", "en-US")).toBe("-$0.05");
    expect(formatMoney(1200, "JPY", "en-US")).toBe("¥1,200");
    expect(formatMoney(1234, "KWD", "en-US")).toBe("KWD\u00a01.234");
    expect(formatMoney(0, "USD", "en-US")).toBe("$0.00");
  });

  test("uses the locale's separators (de-DE, de-CH)", () => {
    expect(formatMoney(123456, "EUR", "de-DE")).toBe("1.234,56\u00a0€");
    expect(formatMoney(595, "CHF", "de-CH")).toBe("CHF\u00a05.95");
  });

  test("is exact for the largest safe integer (no float drift)", () => {
    expect(formatMoney(Number.MAX_SAFE_INTEGER, "USD", "en-US")).toBe("$90,071,992,547,409.91");
    expect(formatMoney(Number.MAX_SAFE_INTEGER, "KWD", "en-US")).toBe("KWD\u00a09,007,199,254,740.991");
    expect(formatMoney(Number.MAX_SAFE_INTEGER - 2, "JPY", "en-US")).toBe("¥9,007,199,254,740,989");
  });

  test("refuses unknown currencies and bad locales", () => {
    expect(codeOf(() => formatMoney(1, "ABC", "en-US"))).toBe("UNKNOWN_CURRENCY");
    expect(codeOf(() => formatMoney(1, "USD", "not a locale!"))).toBe("INVALID_LOCALE");
  });
});

describe("sumMinor", () => {
  test("sums exactly and refuses an unsafe total", () => {
    expect(sumMinor([595, 5, -100])).toBe(500);
    expect(codeOf(() => sumMinor([Number.MAX_SAFE_INTEGER, 1]))).toBe("AMOUNT_TOO_LARGE");
  });
});
