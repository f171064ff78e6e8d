/** Property tests of pricing returns from the original sale: parts always add up exactly. */
import { expect, test } from "bun:test";
import fc from "fast-check";
import { pickLines, refundOfPick, type SoldLine } from "../../src/store-server/returns/refund-pricing.ts";

const soldLineArb = fc
  .record({
    qtyMilli: fc.integer({ min: 1, max: 50_000 }),
    unitPriceMinor: fc.integer({ min: 0, max: 100_000 }),
    discountShare: fc.double({ min: 0, max: 1, noNaN: true }),
    taxShare: fc.double({ min: 0, max: 0.3, noNaN: true }),
  })
  .map(({ qtyMilli, unitPriceMinor, discountShare, taxShare }): SoldLine => {
    const extendedMinor = Math.round((unitPriceMinor * qtyMilli) / 1000);
    const discountMinor = Math.floor(extendedMinor * discountShare);
    const totalMinor = extendedMinor - discountMinor;
    return {
      lineNo: 1,
      code: "X",
      name: "Thing",
      department: null,
      taxClass: "1",
      qtyMilli,
      unitPriceMinor,
      extendedMinor,
      discountMinor,
      taxMinor: Math.floor(totalMinor * taxShare),
      totalMinor,
      returnedMilli: 0,
    };
  });

/** A random split of `total` into positive parts. */
function partsOf(total: number, cuts: number[]): number[] {
  const points = [
    ...new Set(cuts.map((c) => 1 + (c % Math.max(1, total - 1))).filter((c) => c < total)),
  ].sort((a, b) => a - b);
  const bounds = [0, ...points, total];
  return bounds.slice(1).map((b, i) => b - (bounds[i] ?? 0));
}

test("returning a line in any parts refunds exactly its amounts, never a negative part", () => {
  fc.assert(
    fc.property(
      soldLineArb,
      fc.array(fc.nat(), { maxLength: 8 }),
      fc.constantFrom("half-up", "half-even"),
      (line, cuts, mode) => {
        const sold = { ...line };
        const sums = { extended: 0, discount: 0, tax: 0, total: 0, qty: 0 };
        for (const qtyMilli of partsOf(line.qtyMilli, cuts)) {
          const picks = pickLines([sold], [{ position: 1, code: "X", qtyMilli }]);
          expect(picks).toHaveLength(1);
          const part = refundOfPick(picks[0] ?? { line: sold, qtyMilli }, 1, mode as "half-up" | "half-even");
          for (const v of [part.extendedMinor, part.discountMinor, part.taxMinor, part.totalMinor]) {
            expect(v).toBeGreaterThanOrEqual(0);
          }
          expect(part.extendedMinor - part.discountMinor).toBe(part.totalMinor);
          sums.extended += part.extendedMinor;
          sums.discount += part.discountMinor;
          sums.tax += part.taxMinor;
          sums.total += part.totalMinor;
          sums.qty += part.qtyMilli;
          sold.returnedMilli += qtyMilli;
        }
        expect(sums).toEqual({
          extended: line.extendedMinor,
          discount: line.discountMinor,
          tax: line.taxMinor,
          total: line.totalMinor,
          qty: line.qtyMilli,
        });
        expect(() => pickLines([sold], [{ position: 1, code: "X", qtyMilli: 1 }])).toThrow(/left to return/);
      },
    ),
    { numRuns: 500 },
  );
});

test("a product on several lines is returned from the first lines first", () => {
  const base: SoldLine = {
    lineNo: 1,
    code: "X",
    name: "Thing",
    department: null,
    taxClass: null,
    qtyMilli: 2000,
    unitPriceMinor: 100,
    extendedMinor: 200,
    discountMinor: 0,
    taxMinor: 0,
    totalMinor: 200,
    returnedMilli: 1000,
  };
  const second = {
    ...base,
    lineNo: 3,
    unitPriceMinor: 90,
    extendedMinor: 180,
    totalMinor: 180,
    returnedMilli: 0,
  };
  const picks = pickLines([base, second], [{ position: 1, code: "X", qtyMilli: 2000 }]);
  expect(picks.map((p) => [p.line.lineNo, p.qtyMilli])).toEqual([
    [1, 1000],
    [3, 1000],
  ]);
  expect(picks.map((p, i) => refundOfPick(p, i + 1, "half-up").totalMinor)).toEqual([100, 90]);
  expect(() => pickLines([base, second], [{ position: 1, code: "X", qtyMilli: 3001 }])).toThrow(
    /3\.001 asked back/,
  );
});
