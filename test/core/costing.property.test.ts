/**
 * Costing, whatever the movements: cost in = cost out + settlements + value on hand exactly,
 * value is never negative while the quantity is not, and average equals FIFO when every
 * receipt costs the same.
 */
import { describe, expect, test } from "bun:test";
import fc from "fast-check";
import { COSTING_METHODS, costMovements, type SequencedMovement } from "../../src/core/costing.ts";

function movementArb(unit: number, cost: fc.Arbitrary<number>): fc.Arbitrary<SequencedMovement> {
  const qty = fc.integer({ min: 1, max: 50 }).map((q) => q * unit);
  return fc.oneof(
    fc.record({ kind: fc.constant("receipt" as const), qtyMilli: qty, unitCostMinor: cost }),
    fc.record({
      kind: fc.constant("sale" as const),
      qtyMilli: qty.map((q) => -q),
      saleLine: fc.constantFrom("a", "b", "c"),
    }),
    fc.record({
      kind: fc.constant("return" as const),
      qtyMilli: qty,
      saleLine: fc.constantFrom("a", "b", "c", "x"),
    }),
    fc.record({ kind: fc.constantFrom("writeoff" as const, "issue" as const), qtyMilli: qty.map((q) => -q) }),
    fc.record({ kind: fc.constant("count" as const), qtyMilli: qty.chain((q) => fc.constantFrom(q, -q)) }),
  );
}

const anyMovements = fc.array(movementArb(1, fc.integer({ min: 0, max: 100_000 })), { maxLength: 40 });

describe("costing properties", () => {
  test("cost in = cost out + settled + value on hand, and value is not negative while quantity is not", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...COSTING_METHODS),
        fc.constantFrom("half-up" as const, "half-even" as const),
        anyMovements,
        (method, mode, moves) => {
          const { results } = costMovements({ method, mode }, moves);
          let inMinor = 0;
          let outMinor = 0;
          let settled = 0;
          let sumValue = 0;
          results.forEach((r, i) => {
            if ((moves[i]?.qtyMilli ?? 0) > 0) inMinor += r.costMinor;
            else outMinor += r.costMinor;
            settled += r.settledMinor;
            sumValue += r.valueMinor;
            expect(r.costMinor).toBeGreaterThanOrEqual(0);
            if (r.onHandMilli >= 0) expect(r.onHandValueMinor).toBeGreaterThanOrEqual(0);
            expect(sumValue).toBe(r.onHandValueMinor);
          });
          const last = results.at(-1);
          expect(outMinor + settled + (last?.onHandValueMinor ?? 0)).toBe(inMinor);
        },
      ),
      { numRuns: 500 },
    );
  });

  test("average equals FIFO when every receipt costs the same", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.array(movementArb(1000, fc.constant(0)), { maxLength: 40 }),
        (unitCost, raw) => {
          const moves = raw.map((m) => (m.kind === "receipt" ? { ...m, unitCostMinor: unitCost } : m));
          // before any receipt the last cost is unknown either way; start with one
          const seq: SequencedMovement[] = [
            { kind: "receipt", qtyMilli: 1000, unitCostMinor: unitCost },
            ...moves,
          ];
          const fifo = costMovements({ method: "fifo", mode: "half-up" }, seq).results;
          const avg = costMovements({ method: "average", mode: "half-up" }, seq).results;
          expect(avg).toEqual(fifo);
        },
      ),
      { numRuns: 500 },
    );
  });
});
