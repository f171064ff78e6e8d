import { describe, expect, test } from "bun:test";
import { checkRungDocument } from "../../src/core/as-rung.ts";
import {
  type Department,
  departmentCode,
  departmentIdOf,
  departmentLine,
  openRingProblem,
  requireOpenRing,
} from "../../src/core/open-department.ts";
import { priceBasket } from "../../src/core/pricing.ts";
import { codeOf } from "./expect-code.ts";
import { NYC } from "./pricing-fixtures.ts";

const produce: Department = {
  id: "2",
  name: "PRODUCE",
  taxClass: null,
  openRing: true,
  openRingMaxMinor: 5000,
  openRingMinMinor: 1,
  minAge: null,
};
const beer: Department = { ...produce, id: "14", name: "BEER", taxClass: "1", minAge: 21 };

describe("department lines", () => {
  test("a department line's code names the department and nothing else", () => {
    expect(departmentCode("14")).toBe("dept:14");
    expect(departmentIdOf("dept:14")).toBe("14");
    expect(departmentIdOf("4011")).toBeNull();
    expect(departmentIdOf("dept:")).toBeNull();
  });

  test("is priced as one unit at the amount rung, taxed at the department's tax class", () => {
    const quote = priceBasket({ lines: [departmentLine(beer, 1000), departmentLine(produce, 349)] }, NYC);
    expect(quote.lines.map((l) => [l.code, l.name, l.qtyMilli, l.unitPriceMinor, l.taxMinor])).toEqual([
      ["dept:14", "BEER", 1000, 1000, 89],
      ["dept:2", "PRODUCE", 1000, 349, 0],
    ]);
    expect(quote.totalMinor).toBe(1000 + 89 + 349);
  });

  test("a sale with a department line adds up under the as-rung check", () => {
    const quote = priceBasket({ lines: [departmentLine(beer, 1000)] }, NYC);
    const check = checkRungDocument(
      {
        ...quote,
        lines: quote.lines.map((l) => ({ ...l, taxRate: l.taxClass === null ? null : "8.875" })),
      },
      NYC,
    );
    expect(check.ok).toBe(true);
  });
});

describe("open-ring limits", () => {
  test("within the limits is accepted", () => {
    expect(openRingProblem(produce, 5000)).toBeNull();
    expect(openRingProblem(produce, 1)).toBeNull();
    expect(() => requireOpenRing(produce, 2500)).not.toThrow();
  });

  test("above the maximum is refused", () => {
    expect(openRingProblem(produce, 5001)).toEqual({ kind: "over", limitMinor: 5000 });
    expect(codeOf(() => requireOpenRing(produce, 5001))).toBe("OPEN_RING_OVER_LIMIT");
  });

  test("below the minimum is refused, and nothing is never rung", () => {
    const tenCents = { ...produce, openRingMinMinor: 10 };
    expect(openRingProblem(tenCents, 9)).toEqual({ kind: "under", limitMinor: 10 });
    expect(codeOf(() => requireOpenRing(tenCents, 9))).toBe("OPEN_RING_UNDER_MINIMUM");
    expect(codeOf(() => requireOpenRing({ ...produce, openRingMinMinor: null }, 0))).toBe(
      "OPEN_RING_UNDER_MINIMUM",
    );
  });

  test("a department closed to open rings refuses any amount", () => {
    const closed = { ...produce, openRing: false };
    expect(openRingProblem(closed, 100)).toEqual({ kind: "closed", limitMinor: null });
    expect(codeOf(() => requireOpenRing(closed, 100))).toBe("OPEN_RING_NOT_ALLOWED");
  });

  test("no limits set: any positive amount", () => {
    const open = { ...produce, openRingMaxMinor: null, openRingMinMinor: null };
    expect(openRingProblem(open, 9_999_999)).toBeNull();
  });
});
