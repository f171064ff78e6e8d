import { requireSafeInteger, sumBig, toSafeNumber } from "./safe-integer.ts";

/**
 * Splits `total` across `weights` in proportion, with the largest-remainder method: each share is
 * first rounded down, then the units left over go one each to the shares with the largest
 * remainders (earlier index first on a tie). The shares always sum to `total` exactly, and no
 * share exceeds its weight when total <= sum(weights).
 *
 * total and weights must be >= 0; when all weights are zero the total must be zero too.
 */
export function allocateLargestRemainderBig(total: bigint, weights: readonly bigint[]): bigint[] {
  if (total < 0n) throw new RangeError("allocate: the total must not be negative");
  for (const weight of weights) {
    if (weight < 0n) throw new RangeError("allocate: weights must not be negative");
  }
  const weightSum = sumBig(weights);
  if (weightSum === 0n) {
    if (total !== 0n) throw new RangeError("allocate: nothing to allocate a non-zero total onto");
    return weights.map(() => 0n);
  }
  const shares = weights.map((weight) => (total * weight) / weightSum);
  // Nothing left over (a share of every weight, or a total that divides evenly): no ranking needed.
  if (sumBig(shares) === total) return shares;
  const remainders = weights.map((weight, index) => ({ index, remainder: (total * weight) % weightSum }));
  let leftover = total - sumBig(shares);
  remainders.sort((a, b) =>
    a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
  );
  for (const { index } of remainders) {
    if (leftover === 0n) break;
    shares[index] = (shares[index] ?? 0n) + 1n;
    leftover -= 1n;
  }
  return shares;
}

/** allocateLargestRemainderBig for amounts in minor units held as numbers. */
export function allocateLargestRemainder(totalMinor: number, weightsMinor: readonly number[]): number[] {
  const total = BigInt(requireSafeInteger(totalMinor, "INVALID_AMOUNT", "amount"));
  const weights = weightsMinor.map((weight) =>
    BigInt(requireSafeInteger(weight, "INVALID_AMOUNT", "weight")),
  );
  return allocateLargestRemainderBig(total, weights).map((share) => toSafeNumber(share));
}
