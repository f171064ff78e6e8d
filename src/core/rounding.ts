import { InvalidInputError } from "./errors.ts";
import { requireSafeInteger, toSafeNumber } from "./safe-integer.ts";

/**
 * How a quotient that falls between two integers is rounded.
 * - `half-up`: halves go away from zero (commercial rounding: 2.5 -> 3, -2.5 -> -3).
 * - `half-even`: halves go to the even neighbour (banker's rounding: 2.5 -> 2, 3.5 -> 4).
 * Anything that is not exactly half goes to the nearest integer in both modes.
 */
export type RoundingMode = "half-up" | "half-even";

export const ROUNDING_MODES: readonly RoundingMode[] = ["half-up", "half-even"];

/** numerator / denominator rounded to an integer with the given mode, exactly. */
export function divRound(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  if (denominator === 0n) throw new RangeError("divRound: division by zero");
  let n = numerator;
  let d = denominator;
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const quotient = n / d;
  const remainder = n % d;
  if (remainder === 0n) return quotient;
  const awayFromZero = n < 0n ? quotient - 1n : quotient + 1n;
  const twiceRemainder = (remainder < 0n ? -remainder : remainder) * 2n;
  if (twiceRemainder > d) return awayFromZero;
  if (twiceRemainder < d) return quotient;
  if (mode === "half-up") return awayFromZero;
  return quotient % 2n === 0n ? quotient : awayFromZero;
}

/**
 * divRound for a numerator and a positive denominator that are safe integers, in doubles: `%`
 * and the division of what it leaves are exact there, so the result is divRound's, for a
 * fraction of its cost.
 */
export function divRoundSafe(numerator: number, denominator: number, mode: RoundingMode): number {
  const remainder = numerator % denominator;
  const quotient = (numerator - remainder) / denominator;
  if (remainder === 0) return quotient;
  const awayFromZero = numerator < 0 ? quotient - 1 : quotient + 1;
  const twiceRemainder = Math.abs(remainder) * 2;
  if (twiceRemainder > denominator) return awayFromZero;
  if (twiceRemainder < denominator) return quotient;
  if (mode === "half-up") return awayFromZero;
  return quotient % 2 === 0 ? quotient : awayFromZero;
}

/**
 * Rounds an amount to a multiple of `incrementMinor` (e.g. 5 for Swiss 0.05, 100 for whole
 * kronor). An increment of 0 means no rounding. The result never moves by more than half an
 * increment.
 */
export function roundToIncrement(
  amountMinor: number,
  incrementMinor: number,
  mode: RoundingMode = "half-up",
): number {
  requireSafeInteger(amountMinor, "INVALID_AMOUNT", "amount");
  if (!Number.isSafeInteger(incrementMinor) || incrementMinor < 0) {
    throw new InvalidInputError(
      "INVALID_INCREMENT",
      `The rounding increment must be a whole number of minor units, 0 or more, not ${incrementMinor}.`,
      { incrementMinor },
    );
  }
  if (incrementMinor === 0 || incrementMinor === 1) return amountMinor;
  const increment = BigInt(incrementMinor);
  return toSafeNumber(divRound(BigInt(amountMinor), increment, mode) * increment);
}
