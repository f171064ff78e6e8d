import { describe, expect, test } from "bun:test";
import fc from "fast-check";
import {
  convertWeightMilli,
  extendPrice,
  MAX_QTY_MILLI,
  milliToDecimalString,
  parseQuantityMilli,
  requireQuantityMilli,
} from "../../src/core/quantity.ts";
import { codeOf } from "./expect-code.ts";

describe("parseQuantityMilli", () => {
  test("parses pieces and weights into milli-units", () => {
    expect(parseQuantityMilli("3")).toBe(3000);
    expect(parseQuantityMilli("0.455")).toBe(455);
    expect(parseQuantityMilli("1.5")).toBe(1500);
    expect(parseQuantityMilli("0.001")).toBe(1);
    expect(parseQuantityMilli(2)).toBe(2000);
    expect(parseQuantityMilli(0.455)).toBe(455);
    expect(parseQuantityMilli(1.1)).toBe(1100);
    expect(parseQuantityMilli("10000")).toBe(MAX_QTY_MILLI);
  });

  test("more than 3 decimals is refused", () => {
    expect(codeOf(() => parseQuantityMilli("0.4555"))).toBe("INVALID_QUANTITY");
    expect(codeOf(() => parseQuantityMilli(0.0001))).toBe("INVALID_QUANTITY");
    expect(codeOf(() => parseQuantityMilli(1.2345))).toBe("INVALID_QUANTITY");
  });

  test("zero, negative and non-numeric quantities are refused", () => {
    for (const value of ["0", "0.000", "-1", "", "abc", "1e3", " 1", "1,5", ".5", "+1"]) {
      expect(codeOf(() => parseQuantityMilli(value))).toBe("INVALID_QUANTITY");
    }
    for (const value of [0, -1, -0.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(codeOf(() => parseQuantityMilli(value))).toBe("INVALID_QUANTITY");
    }
  });

  test("more than 10,000 units is refused as too large", () => {
    expect(codeOf(() => parseQuantityMilli("10000.001"))).toBe("QUANTITY_TOO_LARGE");
    expect(codeOf(() => parseQuantityMilli("99999999999999999999"))).toBe("QUANTITY_TOO_LARGE");
    expect(codeOf(() => parseQuantityMilli(10_001))).toBe("QUANTITY_TOO_LARGE");
    expect(codeOf(() => parseQuantityMilli(1e21))).toBe("QUANTITY_TOO_LARGE");
  });
});

describe("requireQuantityMilli", () => {
  test("accepts 1..MAX_QTY_MILLI and refuses the rest", () => {
    expect(requireQuantityMilli(1)).toBe(1);
    expect(requireQuantityMilli(MAX_QTY_MILLI)).toBe(MAX_QTY_MILLI);
    expect(codeOf(() => requireQuantityMilli(0))).toBe("INVALID_QUANTITY");
    expect(codeOf(() => requireQuantityMilli(1.5))).toBe("INVALID_QUANTITY");
    expect(codeOf(() => requireQuantityMilli(MAX_QTY_MILLI + 1))).toBe("QUANTITY_TOO_LARGE");
  });
});

describe("milliToDecimalString", () => {
  test("renders exact decimal text without trailing zeros", () => {
    expect(milliToDecimalString(455)).toBe("0.455");
    expect(milliToDecimalString(3000)).toBe("3");
    expect(milliToDecimalString(1500)).toBe("1.5");
    expect(milliToDecimalString(1)).toBe("0.001");
    expect(milliToDecimalString(-1500)).toBe("-1.5");
  });
});

describe("extendPrice", () => {
  test("multiplies unit price by quantity and rounds to the minor unit", () => {
    expect(extendPrice(125, 3000, "half-up")).toBe(375);
    // 1.99/kg × 0.455 kg = 0.90545
    expect(extendPrice(199, 455, "half-up")).toBe(91);
    // 1.00 × 0.005 = 0.005: exactly half a cent
    expect(extendPrice(100, 5, "half-up")).toBe(1);
    expect(extendPrice(100, 5, "half-even")).toBe(0);
    // 3.00 × 0.005 = 0.015
    expect(extendPrice(300, 5, "half-even")).toBe(2);
    expect(extendPrice(300, 5, "half-up")).toBe(2);
  });

  test("JPY (exponent 0): ¥398/kg × 0.375 kg = ¥149.25 -> ¥149", () => {
    expect(extendPrice(398, 375, "half-up")).toBe(149);
  });

  test("KWD (exponent 3): 1.250 KWD/kg × 0.455 kg = 0.56875 -> 0.569", () => {
    expect(extendPrice(1250, 455, "half-up")).toBe(569);
  });

  test("is exact where floating point is not (2^53-scale products)", () => {
    // 9,007,199,254,740.991 × 1 unit stays exact
    expect(extendPrice(Number.MAX_SAFE_INTEGER, 1000, "half-up")).toBe(Number.MAX_SAFE_INTEGER);
    // 0.001 unit of the largest price: 9007199254740.991 -> 9007199254741
    expect(extendPrice(Number.MAX_SAFE_INTEGER, 1, "half-up")).toBe(9_007_199_254_741);
  });

  test("a product beyond the safe range is refused, not rounded", () => {
    expect(codeOf(() => extendPrice(Number.MAX_SAFE_INTEGER, 2000, "half-up"))).toBe("AMOUNT_TOO_LARGE");
  });

  test("fractional prices are refused", () => {
    expect(codeOf(() => extendPrice(1.5, 1000, "half-up"))).toBe("INVALID_PRICE");
  });
});

describe("convertWeightMilli", () => {
  test("pounds and kilograms, exact ratio, half-up to the milli-unit", () => {
    expect(convertWeightMilli(1000, "lb", "kg")).toBe(454); // 453.59237
    expect(convertWeightMilli(1000, "kg", "lb")).toBe(2205); // 2204.62262
    expect(convertWeightMilli(455, "kg", "kg")).toBe(455);
    expect(convertWeightMilli(0, "lb", "kg")).toBe(0);
  });

  test("there and back again stays within one milli-unit", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (milli) => {
        const back = convertWeightMilli(convertWeightMilli(milli, "kg", "lb"), "lb", "kg");
        return Math.abs(back - milli) <= 1;
      }),
    );
  });

  test("a weight that is not whole milli-units is refused", () => {
    expect(codeOf(() => convertWeightMilli(1.5, "lb", "kg"))).toBe("INVALID_QUANTITY");
  });
});
