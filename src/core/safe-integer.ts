import { InvalidInputError } from "./errors.ts";

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);

/** Converts an exact intermediate result back to a number, refusing anything a double cannot hold exactly. */
export function toSafeNumber(value: bigint, label = "amount"): number {
  if (value > MAX_SAFE || value < MIN_SAFE) {
    throw new InvalidInputError(
      "AMOUNT_TOO_LARGE",
      `The ${label} ${value} is too large to handle exactly; check the prices and quantities, or split the sale.`,
      { value: value.toString() },
    );
  }
  return Number(value);
}

/** Refuses a value that is not a safe integer (NaN, fractions, Infinity, beyond 2^53). */
export function requireSafeInteger(value: number, code: string, label: string): number {
  if (!Number.isSafeInteger(value)) {
    throw new InvalidInputError(code, `The ${label} must be a whole number of minor units, not ${value}.`, {
      value,
    });
  }
  return value;
}

export function sumBig(values: readonly bigint[]): bigint {
  let total = 0n;
  for (const value of values) total += value;
  return total;
}
