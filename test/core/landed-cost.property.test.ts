/**
 * Landed cost on a goods receipt (property-based): the shares are whole minor units that add up
 * to the landed cost exactly, follow the lines' values, and each line's unit cost is its value
 * with its share per unit, rounded once.
 */
import { describe, expect, test } from "bun:test";
import fc from "fast-check";
import { costReceiptLines } from "../../src/core/landed-cost.ts";

const line = fc.record({
  qtyMilli: fc.integer({ min: 1, max: 10_000_000 }),
  costMinor: fc.integer({ min: 0, max: 1_000_000 }),
});

describe("costReceiptLines", () => {
  test("shares add up to the landed cost, never negative, and unit costs are within half a unit", () => {
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.constantFrom("half-up" as const, "half-even" as const),
        (lines, landedMinor, mode) => {
          const costed = costReceiptLines(lines, landedMinor, mode);
          expect(costed.reduce((sum, l) => sum + l.landedMinor, 0)).toBe(landedMinor);
          for (const [i, l] of costed.entries()) {
            const given = lines[i] as { qtyMilli: number; costMinor: number };
            expect(l.landedMinor).toBeGreaterThanOrEqual(0);
            // unit × qty / 1000 is within half a unit per unit of value + share.
            const exact = (l.valueMinor + l.landedMinor) * 1000;
            expect(Math.abs(l.unitCostMinor * given.qtyMilli - exact)).toBeLessThanOrEqual(
              given.qtyMilli / 2,
            );
          }
        },
      ),
    );
  });

  test("by value: a line worth twice as much takes twice the share; with no value, by quantity", () => {
    expect(
      costReceiptLines(
        [
          { qtyMilli: 8000, costMinor: 110 },
          { qtyMilli: 6000, costMinor: 200 },
        ],
        60,
        "half-up",
      ).map((l) => [l.valueMinor, l.landedMinor, l.unitCostMinor]),
    ).toEqual([
      [880, 25, 113],
      [1200, 35, 206],
    ]);
    expect(
      costReceiptLines(
        [
          { qtyMilli: 1000, costMinor: 0 },
          { qtyMilli: 3000, costMinor: 0 },
        ],
        8,
        "half-up",
      ).map((l) => l.landedMinor),
    ).toEqual([2, 6]);
  });
});
