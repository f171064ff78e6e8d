import { describe, expect, test } from "bun:test";
import fc from "fast-check";
import { allocateLargestRemainder, allocateLargestRemainderBig } from "../../src/core/allocation.ts";

describe("allocateLargestRemainder", () => {
  test("1.00 over 1.00 and 2.00: 33 and 67 (the larger remainder gets the cent)", () => {
    expect(allocateLargestRemainder(100, [100, 200])).toEqual([33, 67]);
  });

  test("ties go to the earlier line", () => {
    expect(allocateLargestRemainder(2, [1, 1, 1])).toEqual([1, 1, 0]);
    expect(allocateLargestRemainder(100, [1, 1, 1])).toEqual([34, 33, 33]);
  });

  test("zero weights get nothing, zero total gives zeros", () => {
    expect(allocateLargestRemainder(10, [0, 5, 0, 5])).toEqual([0, 5, 0, 5]);
    expect(allocateLargestRemainder(0, [0, 0])).toEqual([0, 0]);
    expect(allocateLargestRemainder(0, [])).toEqual([]);
  });

  test("refuses impossible inputs", () => {
    expect(() => allocateLargestRemainderBig(1n, [0n, 0n])).toThrow(RangeError);
    expect(() => allocateLargestRemainderBig(-1n, [1n])).toThrow(RangeError);
    expect(() => allocateLargestRemainderBig(1n, [-1n, 2n])).toThrow(RangeError);
  });

  test("property: shares sum exactly, stay within one unit of the exact share, never exceed their weight", () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: 0n, max: 10n ** 12n }), { minLength: 1, maxLength: 40 }),
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        (weights, seed) => {
          const weightSum = weights.reduce((sum, weight) => sum + weight, 0n);
          const total = weightSum === 0n ? 0n : seed % (weightSum + 1n);
          const shares = allocateLargestRemainderBig(total, weights);
          expect(shares.reduce((sum, share) => sum + share, 0n)).toBe(total);
          shares.forEach((share, index) => {
            const weight = weights[index] ?? 0n;
            expect(share <= weight).toBe(true);
            if (weightSum === 0n) return;
            const floor = (total * weight) / weightSum;
            expect(share === floor || share === floor + 1n).toBe(true);
          });
        },
      ),
    );
  });
});
