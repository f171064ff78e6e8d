import { describe, expect, test } from "bun:test";
import { discountAmount, discountAmountBig } from "../../src/core/discount.ts";
import { DiscountTooLargeError } from "../../src/core/pricing-errors.ts";
import { codeOf, domainErrorOf } from "./expect-code.ts";

describe("discountAmount", () => {
  test("a percentage of the amount, rounded by mode: 12.5% of 1.00 = 0.125", () => {
    expect(discountAmount({ percent: "12.5" }, 100, "half-up")).toBe(13);
    expect(discountAmount({ percent: "12.5" }, 100, "half-even")).toBe(12);
    expect(discountAmount({ percent: "10" }, 375, "half-up")).toBe(38);
    expect(discountAmount({ percent: "0" }, 375, "half-up")).toBe(0);
    expect(discountAmount({ percent: "100" }, 375, "half-up")).toBe(375);
    expect(discountAmount({ percent: "33.3333" }, 300, "half-up")).toBe(100);
  });

  test("an amount is taken as is, up to the whole amount", () => {
    expect(discountAmount({ amountMinor: 150 }, 375, "half-up")).toBe(150);
    expect(discountAmount({ amountMinor: 375 }, 375, "half-up")).toBe(375);
    expect(discountAmount({ amountMinor: 0 }, 0, "half-up")).toBe(0);
  });

  test("an amount larger than what it discounts is refused with DISCOUNT_TOO_LARGE", () => {
    const error = domainErrorOf(() =>
      discountAmount({ amountMinor: 376 }, 375, "half-up", { scope: "line", code: "4011", currency: "USD" }),
    );
    expect(error).toBeInstanceOf(DiscountTooLargeError);
    expect(error.code).toBe("DISCOUNT_TOO_LARGE");
    expect(error.kind).toBe("invalid");
    expect(error.details).toEqual({
      scope: "line",
      discountMinor: 376,
      maxMinor: 375,
      code: "4011",
      currency: "USD",
    });
    expect(error.message).toContain("3.75 USD");
  });

  test("percentages outside 0–100 or with more than 4 decimals are refused", () => {
    for (const percent of ["101", "-5", "10.00001", "ten", ""]) {
      expect(codeOf(() => discountAmount({ percent }, 100, "half-up"))).toBe("INVALID_DISCOUNT");
    }
  });

  test("negative, fractional and malformed discounts are refused", () => {
    expect(codeOf(() => discountAmount({ amountMinor: -1 }, 100, "half-up"))).toBe("INVALID_DISCOUNT");
    expect(codeOf(() => discountAmount({ amountMinor: 1.5 }, 100, "half-up"))).toBe("INVALID_DISCOUNT");
    const both = JSON.parse('{"percent": "10", "amountMinor": 5}') as { percent: string };
    expect(codeOf(() => discountAmount(both, 100, "half-up"))).toBe("INVALID_DISCOUNT");
    const neither = JSON.parse("{}") as { percent: string };
    expect(codeOf(() => discountAmountBig(neither, 100n, "half-up", { scope: "basket" }))).toBe(
      "INVALID_DISCOUNT",
    );
  });
});
