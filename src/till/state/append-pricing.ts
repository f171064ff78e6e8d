/**
 * Scanning without repricing the whole sale: when tax is rounded per line and there is no
 * sale discount, a line's pricing does not depend on the others, so the quote of the sale with
 * one more line is the old quote plus that line priced alone. Scanning the thousandth line
 * then costs what scanning the first did. Anything else (document tax rounding, a sale
 * discount, rounding of the amount due itself) prices the whole sale with the engine, and
 * payment always does (see payment.ts); a property test holds this equal to the engine.
 */
import { cashRound } from "../../core/cash-rounding.ts";
import { priceBasket, type Quote } from "../../core/pricing.ts";
import type { StoreSettings } from "../../core/settings.ts";
import type { TaxBreakdown } from "../../core/tax.ts";
import type { SaleLine } from "./types.ts";

export function canAppend(settings: StoreSettings, hasSaleDiscount: boolean): boolean {
  return settings.taxRounding === "line" && settings.cashRoundingScope === "cash" && !hasSaleDiscount;
}

export function mergeTaxes(
  a: readonly TaxBreakdown[],
  b: readonly TaxBreakdown[],
  settings: StoreSettings,
): TaxBreakdown[] {
  const byClass = new Map(a.map((t) => [t.taxClass, { ...t }]));
  for (const tax of b) {
    const found = byClass.get(tax.taxClass);
    if (found) {
      found.baseMinor += tax.baseMinor;
      found.taxMinor += tax.taxMinor;
    } else byClass.set(tax.taxClass, { ...tax });
  }
  const position = (id: string) => settings.taxClasses.findIndex((t) => t.id === id);
  return [...byClass.values()].sort((x, y) => position(x.taxClass) - position(y.taxClass));
}

/** Single lines priced recently, per pricing settings: the same item scanned again costs nothing. */
const singles = new WeakMap<StoreSettings, Map<string, Quote>>();
const MAX_SINGLES = 512;

export function priceSingle(line: SaleLine, settings: StoreSettings): Quote {
  let cache = singles.get(settings);
  if (cache === undefined) {
    cache = new Map();
    singles.set(settings, cache);
  }
  const discount = line.discount ? JSON.stringify(line.discount) : "";
  const key = `${line.code}\u0000${line.name}\u0000${line.qtyMilli}\u0000${line.unitPriceMinor}\u0000${line.taxClass}\u0000${discount}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const quote = priceOne(line, settings);
  if (cache.size >= MAX_SINGLES) cache.clear();
  cache.set(key, quote);
  return quote;
}

/** The quote with `line` added; only valid when `canAppend` (the caller checks). */
export function appendLine(quote: Quote | null, line: SaleLine, settings: StoreSettings): Quote {
  const single = priceSingle(line, settings);
  if (quote === null) return single;
  const totalMinor = quote.totalMinor + single.totalMinor;
  const rounding = cashRound(totalMinor, settings.cashRoundingMinor);
  return {
    lines: [...quote.lines, ...single.lines],
    subtotalMinor: quote.subtotalMinor + single.subtotalMinor,
    discountMinor: quote.discountMinor + single.discountMinor,
    taxMinor: quote.taxMinor + single.taxMinor,
    totalMinor,
    cashDueMinor: rounding.roundedMinor,
    cashRoundingMinor: rounding.roundingMinor,
    taxes: mergeTaxes(quote.taxes, single.taxes, settings),
  };
}

function priceOne(line: SaleLine, settings: StoreSettings): Quote {
  return priceBasket(
    {
      lines: [
        {
          code: line.code,
          name: line.name,
          qtyMilli: line.qtyMilli,
          unitPriceMinor: line.unitPriceMinor,
          taxClass: line.taxClass,
          ...(line.discount ? { discount: line.discount } : {}),
        },
      ],
    },
    settings,
  );
}
