/**
 * What each kind of reward takes off the lines it is on, given what earlier promotions left of
 * them. Every function answers one discount per target line, in minor units, never more than
 * what is left of the line. Unit rewards (cheapest, multibuy, N for a price) count whole units:
 * a line of a whole quantity is split into units whose values differ by at most one minor unit
 * and sum to the line exactly; a weighed line (a fractional quantity) takes no unit reward.
 *
 * Amounts are numbers: the engine refuses a basket whose lines do not sum to a safe integer, so
 * every sum and share here is one; products that may go beyond (an amount × a percentage's
 * numerator) are worked out in bigints.
 */
import { allocateLargestRemainder } from "../allocation.ts";
import type { Fraction } from "../percent.ts";
import { extendPriceBig } from "../quantity.ts";
import { divRound, type RoundingMode } from "../rounding.ts";
import { toSafeNumber } from "../safe-integer.ts";

/** A line the reward is on: what is left of it, and what it is. */
export interface Target {
  code: string;
  qtyMilli: number;
  remaining: number;
}

/** `count` units of target `target`, each worth `value`. */
interface UnitRun {
  target: number;
  value: number;
  count: number;
}

function unitRuns(targets: readonly Target[]): UnitRun[] {
  const runs: UnitRun[] = [];
  targets.forEach((t, target) => {
    if (t.qtyMilli <= 0 || t.qtyMilli % 1000 !== 0) return;
    const units = t.qtyMilli / 1000;
    const more = t.remaining % units;
    const base = (t.remaining - more) / units;
    if (more > 0) runs.push({ target, value: base + 1, count: more });
    if (units - more > 0) runs.push({ target, value: base, count: units - more });
  });
  return runs;
}

/** Dearest units first; equal values by product code, then by position (identical lines). */
function byValueDescending(targets: readonly Target[]) {
  return (a: UnitRun, b: UnitRun): number => {
    if (a.value !== b.value) return a.value > b.value ? -1 : 1;
    const ca = targets[a.target]?.code ?? "";
    const cb = targets[b.target]?.code ?? "";
    if (ca !== cb) return ca < cb ? -1 : 1;
    return a.target - b.target;
  };
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

/** `value` × `times` × `percent`, rounded: a product that may go beyond a double's integers. */
function percentOf(value: number, times: number, percent: Fraction, mode: RoundingMode): number {
  return toSafeNumber(divRound(BigInt(value) * BigInt(times) * percent.num, percent.den, mode), "discount");
}

/** A share of `total` for each target, in proportion to what is left of it. */
export function shareByValue(total: number, targets: readonly Target[]): number[] {
  const weights = targets.map((t) => t.remaining);
  const left = sum(weights);
  return allocateLargestRemainder(Math.min(total, left), weights);
}

export function percentOff(targets: readonly Target[], percent: Fraction, mode: RoundingMode): number[] {
  const left = sum(targets.map((t) => t.remaining));
  const total = divRound(BigInt(left) * percent.num, percent.den, mode);
  return shareByValue(total > BigInt(left) ? left : Number(total), targets);
}

export function amountOff(targets: readonly Target[], amountMinor: number): number[] {
  return shareByValue(amountMinor, targets);
}

/** What `priceMinor` a unit comes to for `qtyMilli`, or Infinity beyond a double's integers (more than any line). */
function fixedPriceOf(priceMinor: number, qtyMilli: number, mode: RoundingMode): number {
  const extended = extendPriceBig(priceMinor, qtyMilli, mode);
  return extended > BigInt(Number.MAX_SAFE_INTEGER) ? Number.POSITIVE_INFINITY : Number(extended);
}

/** Each line at `priceMinor` a unit (a kg for a weighed line): what is left above that comes off. */
export function fixedPrice(targets: readonly Target[], priceMinor: number, mode: RoundingMode): number[] {
  // Lines of one quantity (one unit each, the usual case) share the price of that quantity.
  let qtyMilli = Number.NaN;
  let price = 0;
  return targets.map((t) => {
    if (t.qtyMilli !== qtyMilli) {
      qtyMilli = t.qtyMilli;
      price = fixedPriceOf(priceMinor, qtyMilli, mode);
    }
    return t.remaining > price ? t.remaining - price : 0;
  });
}

/**
 * Whether fixedPrice takes anything off any of `targets`: none when what is left of each is at
 * or below the price already (an earlier promotion brought it there), which is seen without
 * working out each line's discount.
 */
export function fixedPriceTakesAny(
  targets: Iterable<Target>,
  priceMinor: number,
  mode: RoundingMode,
): boolean {
  let qtyMilli = Number.NaN;
  let price = 0;
  for (const t of targets) {
    if (t.qtyMilli !== qtyMilli) {
      qtyMilli = t.qtyMilli;
      price = fixedPriceOf(priceMinor, qtyMilli, mode);
    }
    if (t.remaining > price) return true;
  }
  return false;
}

/**
 * N for a price (CORE-POS group price, and mix-and-match across the products of a group): the
 * units, dearest first, in groups of `buy`; each full group costs `priceMinor` when it is worth
 * more, its discount shared among its units by value. Units left over pay their own price.
 */
export function groupPrice(targets: readonly Target[], buy: number, priceMinor: number): number[] {
  const out = targets.map(() => 0);
  const price = priceMinor;
  const runs = unitRuns(targets).sort(byValueDescending(targets));
  let group: { target: number; value: number }[] = [];
  let inGroup = 0;
  const close = () => {
    const worth = sum(group.map((g) => g.value));
    if (worth > price) {
      const shares = allocateLargestRemainder(
        worth - price,
        group.map((g) => g.value),
      );
      group.forEach((g, i) => {
        out[g.target] = (out[g.target] ?? 0) + (shares[i] ?? 0);
      });
    }
    group = [];
    inGroup = 0;
  };
  for (const run of runs) {
    let left = run.count;
    if (inGroup > 0) {
      const take = Math.min(left, buy - inGroup);
      group.push({ target: run.target, value: run.value * take });
      inGroup += take;
      left -= take;
      if (inGroup === buy) close();
    }
    // Whole groups from this run alone.
    const whole = Math.floor(left / buy);
    if (whole > 0) {
      const worth = run.value * buy;
      if (worth > price) out[run.target] = (out[run.target] ?? 0) + (worth - price) * whole;
      left -= whole * buy;
    }
    if (left > 0) {
      group.push({ target: run.target, value: run.value * left });
      inGroup += left;
    }
  }
  return out;
}

/** `percent` off the single cheapest unit of the lines. */
export function cheapest(targets: readonly Target[], percent: Fraction, mode: RoundingMode): number[] {
  const out = targets.map(() => 0);
  const runs = unitRuns(targets).sort(byValueDescending(targets));
  const last = runs[runs.length - 1];
  if (last !== undefined) out[last.target] = percentOf(last.value, 1, percent, mode);
  return out;
}

/**
 * Buy `buy` get `get`: the units, dearest first, in groups of buy + get; in every full group
 * the `get` cheapest are `percent` off (buy 2 get 1 at 100: every third unit free).
 */
export function multibuy(
  targets: readonly Target[],
  buy: number,
  get: number,
  percent: Fraction,
  mode: RoundingMode,
): number[] {
  const out = targets.map(() => 0);
  const size = buy + get;
  const runs = unitRuns(targets).sort(byValueDescending(targets));
  const units = runs.reduce((n, run) => n + run.count, 0);
  const end = Math.floor(units / size) * size;
  // Positions below x that are among the `get` last of their group.
  const freeBelow = (x: number) => Math.floor(x / size) * get + Math.max(0, (x % size) - buy);
  let at = 0;
  for (const run of runs) {
    const from = Math.min(at, end);
    const to = Math.min(at + run.count, end);
    const free = freeBelow(to) - freeBelow(from);
    if (free > 0) out[run.target] = (out[run.target] ?? 0) + percentOf(run.value, free, percent, mode);
    at += run.count;
  }
  return out;
}
