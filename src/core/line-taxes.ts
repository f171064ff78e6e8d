import { allocateLargestRemainderBig } from "./allocation.ts";
import type { RoundingMode } from "./rounding.ts";
import { toSafeNumber } from "./safe-integer.ts";
import { type ResolvedTaxClass, type TaxBreakdown, taxInGross, taxOnNet } from "./tax.ts";

/** One line's amount after all discounts, with its tax class (null = untaxed). */
export interface TaxableLine {
  /** Net amount when prices exclude tax; gross amount (tax included) when they include it. */
  amountMinor: bigint;
  taxClass: ResolvedTaxClass | null;
}

export interface TaxOptions {
  pricesIncludeTax: boolean;
  /** "line": tax rounded per line; "document": per rate over the sale, then allocated to lines. */
  taxRounding: "line" | "document";
  roundingMode: RoundingMode;
}

export interface LineTaxes {
  /** Tax of each line, in input order; contained in the amount when prices include tax. */
  lineTaxMinor: bigint[];
  /** One entry per tax class used, in configuration order. */
  taxes: TaxBreakdown[];
}

function taxOf(amount: bigint, taxClass: ResolvedTaxClass, options: TaxOptions): bigint {
  return options.pricesIncludeTax
    ? taxInGross(amount, taxClass.fraction, options.roundingMode)
    : taxOnNet(amount, taxClass.fraction, options.roundingMode);
}

function documentTaxes(lines: readonly TaxableLine[], options: TaxOptions): bigint[] {
  const lineTax = lines.map(() => 0n);
  const groups = new Map<string, { taxClass: ResolvedTaxClass; indexes: number[] }>();
  lines.forEach((line, index) => {
    if (line.taxClass === null) return;
    const key = `${line.taxClass.fraction.num}/${line.taxClass.fraction.den}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { taxClass: line.taxClass, indexes: [index] });
    else group.indexes.push(index);
  });
  for (const { taxClass, indexes } of groups.values()) {
    const amounts = indexes.map((index) => lines[index]?.amountMinor ?? 0n);
    const total = amounts.reduce((sum, amount) => sum + amount, 0n);
    const shares = allocateLargestRemainderBig(taxOf(total, taxClass, options), amounts);
    indexes.forEach((lineIndex, position) => {
      lineTax[lineIndex] = shares[position] ?? 0n;
    });
  }
  return lineTax;
}

/**
 * Computes the tax of every line and the breakdown per tax class.
 *
 * Net prices (US sales tax): tax = net × rate. Gross prices (EU VAT): tax contained =
 * gross × rate / (1 + rate). With "line" rounding each line is rounded on its own; with
 * "document" rounding the tax is rounded once per rate over the sale and allocated back onto
 * its lines by largest remainder, so line taxes always sum to the breakdown.
 */
export function computeLineTaxes(lines: readonly TaxableLine[], options: TaxOptions): LineTaxes {
  for (const line of lines) {
    if (line.amountMinor < 0n) throw new RangeError("computeLineTaxes: a line amount is negative");
  }
  const lineTaxMinor =
    options.taxRounding === "document"
      ? documentTaxes(lines, options)
      : lines.map((line) => (line.taxClass === null ? 0n : taxOf(line.amountMinor, line.taxClass, options)));

  const byClass = new Map<string, { taxClass: ResolvedTaxClass; base: bigint; tax: bigint }>();
  lines.forEach((line, index) => {
    if (line.taxClass === null) return;
    const tax = lineTaxMinor[index] ?? 0n;
    const base = options.pricesIncludeTax ? line.amountMinor - tax : line.amountMinor;
    const entry = byClass.get(line.taxClass.id);
    if (entry === undefined) byClass.set(line.taxClass.id, { taxClass: line.taxClass, base, tax });
    else {
      entry.base += base;
      entry.tax += tax;
    }
  });
  const entries = [...byClass.values()].sort((a, b) => a.taxClass.position - b.taxClass.position);
  const taxes = entries.map(
    ({ taxClass, base, tax }): TaxBreakdown => ({
      taxClass: taxClass.id,
      rate: taxClass.rate,
      baseMinor: toSafeNumber(base, "taxable amount"),
      taxMinor: toSafeNumber(tax, "tax"),
    }),
  );
  return { lineTaxMinor, taxes };
}
