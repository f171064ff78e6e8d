/** Splitting a restaurant check: the parts always add up, and a split that does not is refused. */
import { describe, expect, test } from "bun:test";
import fc from "fast-check";
import { splitByAmounts, splitByLines, splitBySeat, splitEqually } from "../../src/core/check-split.ts";
import { codeOf } from "./expect-code.ts";

const lines = [
  { id: "a", seat: 2 },
  { id: "b", seat: 1 },
  { id: "c", seat: 2 },
  { id: "d", seat: 0 },
];

describe("check split", () => {
  test("by seat: one group per seat, seats in order", () => {
    expect(splitBySeat(lines).map((g) => g.map((l) => l.id))).toEqual([["d"], ["b"], ["a", "c"]]);
  });

  test("by line: groups must take every open line once", () => {
    expect(
      splitByLines(lines, [
        ["a", "b"],
        ["c", "d"],
      ]).map((g) => g.length),
    ).toEqual([2, 2]);
    expect(codeOf(() => splitByLines(lines, [["a", "b"], ["c"]]))).toBe("SPLIT_MISMATCH");
    expect(
      codeOf(() =>
        splitByLines(lines, [
          ["a", "b", "c"],
          ["c", "d"],
        ]),
      ),
    ).toBe("SPLIT_MISMATCH");
    expect(codeOf(() => splitByLines(lines, [["a", "b", "c", "d"], ["x"]]))).toBe("SPLIT_MISMATCH");
  });

  test("into N equal parts: exact minor units, the larger parts first", () => {
    expect(splitEqually(1000, 3)).toEqual([334, 333, 333]);
    expect(splitEqually(1001, 2)).toEqual([501, 500]);
    expect(codeOf(() => splitEqually(1000, 1))).toBe("SPLIT_PARTS_INVALID");
    expect(codeOf(() => splitEqually(2, 3))).toBe("SPLIT_PARTS_INVALID");
  });

  test("equal parts always sum to the check and differ by at most one", () => {
    fc.assert(
      fc.property(fc.integer({ min: 50, max: 10_000_000 }), fc.integer({ min: 2, max: 50 }), (total, n) => {
        const parts = splitEqually(total, n);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1);
      }),
    );
  });

  test("stated amounts must make the check exactly", () => {
    expect(splitByAmounts(1000, [600, 400])).toEqual([600, 400]);
    expect(codeOf(() => splitByAmounts(1000, [600, 300]))).toBe("SPLIT_MISMATCH");
    expect(codeOf(() => splitByAmounts(1000, [1000, 0]))).toBe("SPLIT_PARTS_INVALID");
  });
});
