import { describe, expect, test } from "bun:test";
import { CASH_ROUNDING_PRESETS, cashRound } from "../../src/core/cash-rounding.ts";
import { codeOf } from "./expect-code.ts";

describe("cashRound", () => {
  test("Switzerland, 0.05: 10.02 -> 10.00 (-0.02), 10.03 -> 10.05 (+0.02)", () => {
    expect(cashRound(1002, 5)).toEqual({ roundedMinor: 1000, roundingMinor: -2 });
    expect(cashRound(1003, 5)).toEqual({ roundedMinor: 1005, roundingMinor: 2 });
    expect(cashRound(1005, 5)).toEqual({ roundedMinor: 1005, roundingMinor: 0 });
  });

  test("Sweden, whole kronor: 0.49 down, 0.50 up", () => {
    expect(cashRound(12_349, 100)).toEqual({ roundedMinor: 12_300, roundingMinor: -49 });
    expect(cashRound(12_350, 100)).toEqual({ roundedMinor: 12_400, roundingMinor: 50 });
  });

  test("Denmark, 0.50 kroner: 24.24 -> 24.00, 24.25 -> 24.50, 24.75 -> 25.00", () => {
    expect(cashRound(2424, 50).roundedMinor).toBe(2400);
    expect(cashRound(2425, 50).roundedMinor).toBe(2450);
    expect(cashRound(2474, 50).roundedMinor).toBe(2450);
    expect(cashRound(2475, 50).roundedMinor).toBe(2500);
  });

  test("an increment of 0 rounds nothing", () => {
    expect(cashRound(1003, 0)).toEqual({ roundedMinor: 1003, roundingMinor: 0 });
  });

  test("presets name the usual increments", () => {
    expect(CASH_ROUNDING_PRESETS.CHF).toBe(5);
    expect(CASH_ROUNDING_PRESETS.SEK).toBe(100);
    expect(CASH_ROUNDING_PRESETS.DKK).toBe(50);
  });

  test("a negative or fractional increment is refused", () => {
    expect(codeOf(() => cashRound(100, -5))).toBe("INVALID_CASH_ROUNDING");
    expect(codeOf(() => cashRound(100, 0.5))).toBe("INVALID_CASH_ROUNDING");
  });
});
