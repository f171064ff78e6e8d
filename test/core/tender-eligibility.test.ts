import { describe, expect, test } from "bun:test";
import { storeSettingsSchema } from "../../src/core/settings.ts";
import { eligibleTotalMinor, requireTenderEligibility } from "../../src/core/tender-eligibility.ts";
import { codeOf } from "./expect-code.ts";

const EBT = [{ type: "ebt", requires: "snapEligible" as const }];

describe("restricted tenders (EBT)", () => {
  test("the eligible total is the flagged lines' totals, never above the sale's total", () => {
    const lines = [
      { totalMinor: 300, snapEligible: true },
      { totalMinor: 500 },
      { totalMinor: 20, snapEligible: true },
    ];
    expect(eligibleTotalMinor(lines, 864)).toBe(320);
    expect(eligibleTotalMinor(lines, 100)).toBe(100);
    expect(eligibleTotalMinor([{ totalMinor: 500 }], 500)).toBe(0);
  });

  test("an EBT tender above the eligible total is refused; up to it, or other tenders, are not", () => {
    const lines = [{ totalMinor: 300, snapEligible: true }, { totalMinor: 500 }];
    expect(() =>
      requireTenderEligibility(lines, 800, [{ type: "ebt", amountMinor: 300 }], EBT),
    ).not.toThrow();
    expect(() =>
      requireTenderEligibility(lines, 800, [{ type: "cash", amountMinor: 800 }], EBT),
    ).not.toThrow();
    expect(codeOf(() => requireTenderEligibility(lines, 800, [{ type: "ebt", amountMinor: 301 }], EBT))).toBe(
      "TENDER_ABOVE_ELIGIBLE",
    );
    const split = [
      { type: "ebt", amountMinor: 200 },
      { type: "ebt", amountMinor: 200 },
    ];
    expect(codeOf(() => requireTenderEligibility(lines, 800, split, EBT))).toBe("TENDER_ABOVE_ELIGIBLE");
  });

  test("stores restrict EBT to SNAP-eligible items by default", () => {
    expect(storeSettingsSchema.parse({}).restrictedTenders).toEqual(EBT);
  });
});
