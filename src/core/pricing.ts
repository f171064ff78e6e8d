import { allocateLargestRemainderBig } from "./allocation.ts";
import { type CashRoundingScope, cashRound, requireCashIncrement } from "./cash-rounding.ts";
import {
  computeSignedLineTaxes,
  discountWeight,
  type LineKind,
  requireDepositLinks,
  requireLineQuantity,
} from "./deposits.ts";
import { type Discount, discountAmountBig } from "./discount.ts";
import { InvalidInputError } from "./errors.ts";
import { normalizeCurrency } from "./money.ts";
import { UnknownTaxClassError } from "./pricing-errors.ts";
import { extendPriceBig } from "./quantity.ts";
import { ROUNDING_MODES, type RoundingMode } from "./rounding.ts";
import { sumBig, toSafeNumber } from "./safe-integer.ts";
import { type ResolvedTaxClass, resolveTaxClasses, type TaxBreakdown, type TaxClass } from "./tax.ts";

export type { CashRoundingScope } from "./cash-rounding.ts";
export type { LineKind } from "./deposits.ts";
export type { Discount } from "./discount.ts";
export type { TaxBreakdown, TaxClass } from "./tax.ts";

/** How a store prices: from its configuration (see the store TOML in the contract). */
export interface PricingSettings {
  /** ISO 4217 code. */
  currency: string;
  /** true: shelf prices are gross, tax included (EU VAT); false: tax is added on top (US sales tax). */
  pricesIncludeTax: boolean;
  /** "line": tax rounded per line; "document": per tax rate over the whole sale. */
  taxRounding: "line" | "document";
  /** Rounding of extensions, percentage discounts and tax. */
  roundingMode: RoundingMode;
  /** Smallest cash amount in minor units (5 = 0.05); 0 = no cash rounding. Always half-up. */
  cashRoundingMinor: number;
  cashRoundingScope: CashRoundingScope;
  taxClasses: readonly TaxClass[];
}

export interface BasketLineInput {
  code: string;
  name: string;
  qtyMilli: number;
  unitPriceMinor: number;
  /** Id of a configured tax class; null = untaxed. */
  taxClass: string | null;
  discount?: Discount;
  /** A deposit linked to an item, or returned empties (negative quantity): see deposits.ts. */
  kind?: LineKind;
  /** A deposit line: the index of the item line it belongs to. */
  linkedLine?: number;
}

export interface BasketInput {
  lines: readonly BasketLineInput[];
  /** Discount on the whole basket, shared across lines in proportion to their totals. */
  discount?: Discount;
}

export interface PricedLine {
  code: string;
  name: string;
  qtyMilli: number;
  unitPriceMinor: number;
  taxClass: string | null;
  /** qty × unit price, before any discount (gross if prices include tax). */
  extendedMinor: number;
  /** Line discount + this line's share of the basket discount (>= 0). */
  discountMinor: number;
  /** Tax of this line (contained in totalMinor when gross; added on top when net). */
  taxMinor: number;
  /** extendedMinor − discountMinor (gross: tax included; net: tax excluded). */
  totalMinor: number;
  kind?: LineKind;
  linkedLine?: number;
}

export interface Quote {
  lines: PricedLine[];
  /** Sum of extended line amounts, before discounts. */
  subtotalMinor: number;
  /** Sum of all line discounts, basket discount shares included. */
  discountMinor: number;
  /** Tax contained in the total (gross prices) or added to it (net prices). */
  taxMinor: number;
  /** What the customer owes: gross = sum of line totals; net = sum of line totals + tax (then rounded for scope "all"). */
  totalMinor: number;
  /** totalMinor after cash rounding (scope "cash"): what to ask for in cash. */
  cashDueMinor: number;
  /** Scope "cash": cashDueMinor − totalMinor. Scope "all": the rounding already applied to totalMinor. */
  cashRoundingMinor: number;
  taxes: TaxBreakdown[];
}

interface ResolvedSettings {
  currency: string;
  mode: RoundingMode;
  taxClasses: Map<string, ResolvedTaxClass>;
}

/**
 * Each settings object's resolution (settings are not changed once made: a change is a new
 * object): a till prices every scan with the same store settings, and parsing their tax rates
 * each time cost more than pricing the line.
 */
const resolvedSettings = new WeakMap<PricingSettings, ResolvedSettings>();

function resolveSettings(settings: PricingSettings): ResolvedSettings {
  const kept = resolvedSettings.get(settings);
  if (kept !== undefined) return kept;
  const resolved = resolveSettingsNow(settings);
  resolvedSettings.set(settings, resolved);
  return resolved;
}

function resolveSettingsNow(settings: PricingSettings): ResolvedSettings {
  const currency = normalizeCurrency(settings.currency);
  if (!ROUNDING_MODES.includes(settings.roundingMode)) {
    throw new InvalidInputError(
      "INVALID_ROUNDING_MODE",
      `roundingMode must be one of ${ROUNDING_MODES.join(", ")}, not "${settings.roundingMode}".`,
      { roundingMode: settings.roundingMode },
    );
  }
  if (settings.taxRounding !== "line" && settings.taxRounding !== "document") {
    throw new InvalidInputError(
      "INVALID_TAX_ROUNDING",
      `taxRounding must be "line" or "document", not "${settings.taxRounding}".`,
      { taxRounding: settings.taxRounding },
    );
  }
  if (settings.cashRoundingScope !== "cash" && settings.cashRoundingScope !== "all") {
    throw new InvalidInputError(
      "INVALID_CASH_ROUNDING_SCOPE",
      `cashRoundingScope must be "cash" or "all", not "${settings.cashRoundingScope}".`,
      { cashRoundingScope: settings.cashRoundingScope },
    );
  }
  requireCashIncrement(settings.cashRoundingMinor);
  return { currency, mode: settings.roundingMode, taxClasses: resolveTaxClasses(settings.taxClasses) };
}

interface PreparedLine {
  input: BasketLineInput;
  taxClass: ResolvedTaxClass | null;
  extended: bigint;
  lineDiscount: bigint;
}

function prepareLine(line: BasketLineInput, resolved: ResolvedSettings): PreparedLine {
  requireLineQuantity(line);
  if (!Number.isSafeInteger(line.unitPriceMinor) || line.unitPriceMinor < 0) {
    throw new InvalidInputError(
      "INVALID_PRICE",
      `The unit price of ${line.code} must be a whole number of minor units, 0 or more, not ${line.unitPriceMinor}.`,
      { code: line.code, unitPriceMinor: line.unitPriceMinor },
    );
  }
  let taxClass: ResolvedTaxClass | null = null;
  if (line.taxClass !== null) {
    const found = resolved.taxClasses.get(line.taxClass);
    if (found === undefined)
      throw new UnknownTaxClassError(line.taxClass, [...resolved.taxClasses.keys()], line.code);
    taxClass = found;
  }
  const extended = extendPriceBig(line.unitPriceMinor, line.qtyMilli, resolved.mode);
  const lineDiscount = lineDiscountBig(line, extended, resolved.mode, resolved.currency);
  return { input: line, taxClass, extended, lineDiscount };
}

/** A line's own discount on its extended amount: a percentage rounded with `mode`, or an amount. */
export function lineDiscountBig(
  line: Pick<BasketLineInput, "code" | "discount">,
  extended: bigint,
  mode: RoundingMode,
  currency: string,
): bigint {
  return line.discount === undefined
    ? 0n
    : discountAmountBig(line.discount, extended, mode, { scope: "line", code: line.code, currency });
}

/**
 * Prices a basket exactly: extends each line (unit price × quantity), applies line discounts,
 * shares the basket discount across lines by largest remainder, computes tax per line or per
 * document (net or gross prices), and applies cash rounding. All intermediate arithmetic is
 * exact (BigInt); every result is a safe integer in minor units.
 */
export function priceBasket(input: BasketInput, settings: PricingSettings): Quote {
  const resolved = resolveSettings(settings);
  const prepared = input.lines.map((line) => prepareLine(line, resolved));
  requireDepositLinks(input.lines);

  const afterLineDiscount = prepared.map((line) => line.extended - line.lineDiscount);
  const weights = prepared.map((line, i) => discountWeight(line.input.kind, afterLineDiscount[i] ?? 0n));
  const basketDiscount =
    input.discount === undefined
      ? 0n
      : discountAmountBig(input.discount, sumBig(weights), resolved.mode, {
          scope: "basket",
          currency: resolved.currency,
        });
  const shares = allocateLargestRemainderBig(basketDiscount, weights);
  const lineTotals = afterLineDiscount.map((amount, index) => amount - (shares[index] ?? 0n));

  const { lineTaxMinor, taxes } = computeSignedLineTaxes(
    prepared.map((line, index) => ({ amountMinor: lineTotals[index] ?? 0n, taxClass: line.taxClass })),
    {
      pricesIncludeTax: settings.pricesIncludeTax,
      taxRounding: settings.taxRounding,
      roundingMode: resolved.mode,
    },
  );

  const lines = prepared.map((line, index): PricedLine => {
    const discount = line.lineDiscount + (shares[index] ?? 0n);
    return {
      code: line.input.code,
      name: line.input.name,
      qtyMilli: line.input.qtyMilli,
      unitPriceMinor: line.input.unitPriceMinor,
      taxClass: line.input.taxClass,
      extendedMinor: toSafeNumber(line.extended, "line amount"),
      discountMinor: toSafeNumber(discount, "line discount"),
      taxMinor: toSafeNumber(lineTaxMinor[index] ?? 0n, "line tax"),
      totalMinor: toSafeNumber(lineTotals[index] ?? 0n, "line total"),
      ...(line.input.kind === undefined ? {} : { kind: line.input.kind }),
      ...(line.input.linkedLine === undefined ? {} : { linkedLine: line.input.linkedLine }),
    };
  });

  const tax = sumBig(lineTaxMinor);
  const linesTotal = sumBig(lineTotals);
  const unrounded = toSafeNumber(settings.pricesIncludeTax ? linesTotal : linesTotal + tax, "total");
  const rounding = cashRound(unrounded, settings.cashRoundingMinor);
  const totalMinor = settings.cashRoundingScope === "all" ? rounding.roundedMinor : unrounded;

  return {
    lines,
    subtotalMinor: toSafeNumber(sumBig(prepared.map((line) => line.extended)), "subtotal"),
    discountMinor: toSafeNumber(
      sumBig(prepared.map((line, index) => line.lineDiscount + (shares[index] ?? 0n))),
    ),
    taxMinor: toSafeNumber(tax, "tax"),
    totalMinor,
    cashDueMinor: rounding.roundedMinor,
    cashRoundingMinor: rounding.roundingMinor,
    taxes,
  };
}
