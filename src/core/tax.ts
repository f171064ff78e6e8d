import { InvalidInputError } from "./errors.ts";
import { type Fraction, parsePercent } from "./percent.ts";
import { divRound, type RoundingMode } from "./rounding.ts";
import { requireSafeInteger, toSafeNumber } from "./safe-integer.ts";

/** A tax class of the store configuration; products refer to it by `id`. */
export interface TaxClass {
  id: string;
  name: string;
  /** Percent as decimal text, at most 4 decimals: "8.875", "19", "7.7", "0". */
  rate: string;
}

/** Tax of one class in a sale. `baseMinor` is the net amount taxed. */
export interface TaxBreakdown {
  taxClass: string;
  rate: string;
  baseMinor: number;
  taxMinor: number;
}

/** A tax class with its rate parsed into an exact fraction of one. */
export interface ResolvedTaxClass extends TaxClass {
  fraction: Fraction;
  /** Position in the configuration; breakdowns are listed in this order. */
  position: number;
}

/** Parses a tax rate ("8.875" percent) into an exact fraction of one; 0–100, at most 4 decimals. */
export function parseRate(rate: string): Fraction {
  return parsePercent(rate, "INVALID_RATE", "tax rate");
}

/** Tax added on top of a net amount: net × rate, rounded to the minor unit. */
export function taxOnNet(netMinor: bigint, rate: Fraction, mode: RoundingMode): bigint {
  return divRound(netMinor * rate.num, rate.den, mode);
}

/** Tax contained in a gross amount: gross − gross / (1 + rate) = gross × rate / (1 + rate), rounded. */
export function taxInGross(grossMinor: bigint, rate: Fraction, mode: RoundingMode): bigint {
  return divRound(grossMinor * rate.num, rate.den + rate.num, mode);
}

/** taxOnNet for a rate written as percent text and an amount in minor units. */
export function taxOnNetMinor(netMinor: number, rate: string, mode: RoundingMode): number {
  const net = BigInt(requireSafeInteger(netMinor, "INVALID_AMOUNT", "net amount"));
  return toSafeNumber(taxOnNet(net, parseRate(rate), mode), "tax");
}

/** taxInGross for a rate written as percent text and an amount in minor units. */
export function taxInGrossMinor(grossMinor: number, rate: string, mode: RoundingMode): number {
  const gross = BigInt(requireSafeInteger(grossMinor, "INVALID_AMOUNT", "gross amount"));
  return toSafeNumber(taxInGross(gross, parseRate(rate), mode), "tax");
}

/**
 * Validates the configured tax classes (non-empty unique ids, valid rates) and indexes them by id,
 * keeping the configuration order.
 */
export function resolveTaxClasses(classes: readonly TaxClass[]): Map<string, ResolvedTaxClass> {
  const resolved = new Map<string, ResolvedTaxClass>();
  for (const taxClass of classes) {
    if (typeof taxClass.id !== "string" || taxClass.id === "") {
      throw new InvalidInputError(
        "INVALID_TAX_CLASS",
        "Every tax class needs a non-empty id; fix the taxClasses.",
        {
          taxClass,
        },
      );
    }
    if (resolved.has(taxClass.id)) {
      throw new InvalidInputError(
        "DUPLICATE_TAX_CLASS",
        `Tax class id "${taxClass.id}" is configured twice; give each tax class its own id.`,
        { taxClass: taxClass.id },
      );
    }
    resolved.set(taxClass.id, { ...taxClass, fraction: parseRate(taxClass.rate), position: resolved.size });
  }
  return resolved;
}
