import { InvalidInputError } from "./errors.ts";

/** An exact fraction of one: 8.875 % is { num: 88750n, den: 1000000n }. */
export interface Fraction {
  num: bigint;
  den: bigint;
}

/** Decimals allowed in a percentage ("8.8750" has four). */
export const PERCENT_DECIMALS = 4;
/** Denominator of every parsed percentage: 100 % × 10^PERCENT_DECIMALS. */
export const PERCENT_DENOMINATOR = 1_000_000n;

const PERCENT_PATTERN = /^(\d+)(?:\.(\d+))?$/;

/**
 * Parses a percentage written as decimal text ("19", "8.875", "0") into an exact fraction of one.
 * Refuses negative values, more than 4 decimals, more than 100 and anything that is not plain
 * decimal digits. `code` and `label` name the error for the caller's context.
 */
export function parsePercent(text: string, code: string, label: string): Fraction {
  const invalid = (reason: string): InvalidInputError =>
    new InvalidInputError(code, `The ${label} "${text}" is not valid: ${reason}.`, { value: text });
  if (typeof text !== "string") throw invalid('write it as a decimal string such as "8.875"');
  const match = PERCENT_PATTERN.exec(text);
  if (match === null) throw invalid('write a percentage from 0 to 100 as decimal text, e.g. "8.875"');
  const [, whole = "0", fraction = ""] = match;
  if (fraction.length > PERCENT_DECIMALS) throw invalid(`at most ${PERCENT_DECIMALS} decimals are allowed`);
  const num = BigInt(whole + fraction.padEnd(PERCENT_DECIMALS, "0"));
  if (num > PERCENT_DENOMINATOR) throw invalid("it cannot be more than 100");
  return { num, den: PERCENT_DENOMINATOR };
}
