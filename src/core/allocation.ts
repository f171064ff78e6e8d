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

/**
 * allocateLargestRemainderBig for amounts in minor units held as numbers, with the same result.
 * Each share is worked out in doubles while total × weight stays a safe integer (then `%` and the
 * division of what is left are exact), and in bigints beyond: a promotion over a long basket
 * allocates on every scan, and bigint arithmetic costs tens of times more.
 */
export function allocateLargestRemainder(totalMinor: number, weightsMinor: readonly number[]): number[] {
  const total = requireSafeInteger(totalMinor, "INVALID_AMOUNT", "amount");
  let weightSum = 0;
  for (const weight of weightsMinor) {
    requireSafeInteger(weight, "INVALID_AMOUNT", "weight");
    weightSum += weight;
  }
  if (total < 0 || weightsMinor.some((w) => w < 0) || !Number.isSafeInteger(weightSum) || weightSum === 0) {
    // The refusals, and sums beyond a double's exact integers, as the bigint version has them.
    return allocateLargestRemainderBig(BigInt(total), weightsMinor.map(BigInt)).map((share) =>
      toSafeNumber(share),
    );
  }
  const shares = new Array<number>(weightsMinor.length);
  const remainders = new Array<number>(weightsMinor.length);
  let leftover = total;
  for (let i = 0; i < weightsMinor.length; i++) {
    const weight = weightsMinor[i] ?? 0;
    const product = total * weight;
    let share: number;
    let remainder: number;
    if (Number.isSafeInteger(product)) {
      remainder = product % weightSum;
      share = (product - remainder) / weightSum;
    } else {
      const big = BigInt(total) * BigInt(weight);
      const sum = BigInt(weightSum);
      share = Number(big / sum);
      remainder = Number(big % sum);
    }
    shares[i] = share;
    remainders[i] = remainder;
    leftover -= share;
  }
  if (leftover === 0) return shares;
  const order = shares.map((_, i) => i);
  // Remainders already largest first (equal weights, the usual case) need no sort.
  let sorted = true;
  for (let i = 1; i < remainders.length && sorted; i++)
    sorted = (remainders[i - 1] ?? 0) >= (remainders[i] ?? 0);
  if (!sorted) {
    order.sort((a, b) => {
      const ra = remainders[a] ?? 0;
      const rb = remainders[b] ?? 0;
      return ra === rb ? a - b : rb - ra;
    });
  }
  for (const index of order) {
    if (leftover === 0) break;
    shares[index] = (shares[index] ?? 0) + 1;
    leftover -= 1;
  }
  return shares;
}
