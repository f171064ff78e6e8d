import { InvalidInputError } from "./errors.ts";
import { roundToIncrement } from "./rounding.ts";

/** "cash": only an amount paid in cash is rounded; "all": the amount due itself is rounded. */
export type CashRoundingScope = "cash" | "all";

export interface CashRounding {
  roundedMinor: number;
  /** roundedMinor − the amount before rounding (negative when rounded down). */
  roundingMinor: number;
}

/**
 * Smallest cash amounts in common use where the smallest coins are gone, in minor units
 * (a starting point for store configuration, not a rule).
 */
export const CASH_ROUNDING_PRESETS: Readonly<Record<string, number>> = {
  CHF: 5,
  CAD: 5,
  AUD: 5,
  NZD: 10,
  SEK: 100,
  NOK: 100,
  DKK: 50,
};

/** Refuses an increment that is not a whole number of minor units, 0 (none) or more. */
export function requireCashIncrement(incrementMinor: number): number {
  if (!Number.isSafeInteger(incrementMinor) || incrementMinor < 0) {
    throw new InvalidInputError(
      "INVALID_CASH_ROUNDING",
      `cashRoundingMinor must be a whole number of minor units, 0 (no rounding) or more, e.g. 5 for 0.05; not ${incrementMinor}.`,
      { cashRoundingMinor: incrementMinor },
    );
  }
  return incrementMinor;
}

/**
 * Rounds a cash amount to the smallest coin in use, half-up (Swiss 0.05: 10.02 -> 10.00,
 * 10.03 -> 10.05; Swedish whole kronor: 10.49 -> 10, 10.50 -> 11). An increment of 0 is no rounding.
 */
export function cashRound(amountMinor: number, incrementMinor: number): CashRounding {
  requireCashIncrement(incrementMinor);
  const roundedMinor = roundToIncrement(amountMinor, incrementMinor, "half-up");
  return { roundedMinor, roundingMinor: roundedMinor - amountMinor };
}
