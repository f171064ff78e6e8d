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

  test("property: the number version gives the bigint version's shares, small amounts and beyond 2^53 products", () => {
    const amount = fc.oneof(
      fc.integer({ min: 0, max: 1_000 }),
      fc.integer({ min: 0, max: 10 ** 9 }),
      fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
    );
    fc.assert(
      fc.property(fc.array(amount, { minLength: 1, maxLength: 30 }), amount, (weights, seed) => {
        const weightSum = weights.reduce((sum, weight) => sum + BigInt(weight), 0n);
        const total = weightSum === 0n ? 0 : Number(BigInt(seed) % (weightSum + 1n));
        const big = () => allocateLargestRemainderBig(BigInt(total), weights.map(BigInt)).map(Number);
        if (weightSum > BigInt(Number.MAX_SAFE_INTEGER)) {
          // Beyond a double's exact integers the number version answers as the bigint one, or refuses a share it cannot hold.
          let expected: number[] | null = null;
          try {
            expected = big();
          } catch {}
          if (expected?.every(Number.isSafeInteger))
            expect(allocateLargestRemainder(total, weights)).toEqual(expected);
          return;
        }
        expect(allocateLargestRemainder(total, weights)).toEqual(big());
      }),
      { numRuns: 2000 },
    );
  });

  test("ties and remainders as the bigint version: equal weights, leftover to the earliest", () => {
    expect(allocateLargestRemainder(10, [3, 3, 3])).toEqual([4, 3, 3]);
    expect(allocateLargestRemainder(2, [1, 1, 1])).toEqual([1, 1, 0]);
    // total × weight beyond 2^53: the share is still exact.
    const big = 2 ** 40;
    expect(allocateLargestRemainder(big + 1, [big, big + 2, 3])).toEqual(
      allocateLargestRemainderBig(BigInt(big + 1), [BigInt(big), BigInt(big + 2), 3n]).map(Number),
    );
  });
});
