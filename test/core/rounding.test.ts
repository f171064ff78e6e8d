import { describe, expect, test } from "bun:test";
import { InvalidInputError } from "../../src/core/errors.ts";
import { divRound, roundToIncrement } from "../../src/core/rounding.ts";

describe("divRound", () => {
  test("exact quotients are returned as is", () => {
    expect(divRound(10n, 5n, "half-up")).toBe(2n);
    expect(divRound(-10n, 5n, "half-even")).toBe(-2n);
    expect(divRound(0n, 7n, "half-up")).toBe(0n);
  });

  test("half-up rounds halves away from zero", () => {
    expect(divRound(5n, 2n, "half-up")).toBe(3n);
    expect(divRound(-5n, 2n, "half-up")).toBe(-3n);
    expect(divRound(15n, 10n, "half-up")).toBe(2n);
    expect(divRound(25n, 10n, "half-up")).toBe(3n);
  });

  test("half-even rounds halves to the even neighbour", () => {
    expect(divRound(5n, 2n, "half-even")).toBe(2n);
    expect(divRound(7n, 2n, "half-even")).toBe(4n);
    expect(divRound(-5n, 2n, "half-even")).toBe(-2n);
    expect(divRound(-7n, 2n, "half-even")).toBe(-4n);
    expect(divRound(25n, 10n, "half-even")).toBe(2n);
    expect(divRound(35n, 10n, "half-even")).toBe(4n);
  });

  test("non-halves go to the nearest integer in both modes", () => {
    for (const mode of ["half-up", "half-even"] as const) {
      expect(divRound(14n, 10n, mode)).toBe(1n);
      expect(divRound(16n, 10n, mode)).toBe(2n);
      expect(divRound(-14n, 10n, mode)).toBe(-1n);
      expect(divRound(-16n, 10n, mode)).toBe(-2n);
      expect(divRound(2n, 3n, mode)).toBe(1n);
      expect(divRound(1n, 3n, mode)).toBe(0n);
    }
  });

  test("a negative denominator flips the sign", () => {
    expect(divRound(5n, -2n, "half-up")).toBe(-3n);
    expect(divRound(-5n, -2n, "half-up")).toBe(3n);
    expect(divRound(7n, -2n, "half-even")).toBe(-4n);
  });

  test("works far beyond the safe integer range", () => {
    const big = 10n ** 30n + 5n;
    expect(divRound(big, 10n, "half-up")).toBe(10n ** 29n + 1n);
    expect(divRound(big, 10n, "half-even")).toBe(10n ** 29n);
  });

  test("division by zero is refused", () => {
    expect(() => divRound(1n, 0n, "half-up")).toThrow(RangeError);
  });
});

describe("roundToIncrement", () => {
  test("Swiss 0.05: 10.02 -> 10.00, 10.03 -> 10.05, 10.025 impossible in cents", () => {
    expect(roundToIncrement(1002, 5)).toBe(1000);
    expect(roundToIncrement(1003, 5)).toBe(1005);
    expect(roundToIncrement(1007, 5)).toBe(1005);
    expect(roundToIncrement(1008, 5)).toBe(1010);
  });

  test("Swedish whole kronor: 50 öre rounds up", () => {
    expect(roundToIncrement(1049, 100)).toBe(1000);
    expect(roundToIncrement(1050, 100)).toBe(1100);
    expect(roundToIncrement(1050, 100, "half-even")).toBe(1000);
    expect(roundToIncrement(1150, 100, "half-even")).toBe(1200);
  });

  test("negative amounts round symmetrically (refunds)", () => {
    expect(roundToIncrement(-1003, 5)).toBe(-1005);
    expect(roundToIncrement(-1002, 5)).toBe(-1000);
    expect(roundToIncrement(-1050, 100)).toBe(-1100);
  });

  test("an increment of 0 or 1 leaves the amount unchanged", () => {
    expect(roundToIncrement(1003, 0)).toBe(1003);
    expect(roundToIncrement(1003, 1)).toBe(1003);
  });

  test("bad increments and amounts are refused", () => {
    expect(() => roundToIncrement(100, -5)).toThrow(InvalidInputError);
    expect(() => roundToIncrement(100, 2.5)).toThrow(InvalidInputError);
    expect(() => roundToIncrement(1.5, 5)).toThrow(InvalidInputError);
    expect(() => roundToIncrement(Number.NaN, 5)).toThrow(InvalidInputError);
  });

  test("a result beyond the safe range is refused instead of drifting", () => {
    let caught: unknown;
    try {
      roundToIncrement(Number.MAX_SAFE_INTEGER, 100);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidInputError);
    expect((caught as InvalidInputError).code).toBe("AMOUNT_TOO_LARGE");
  });
});
