/**
 * Scanning with promotions in force without pricing the whole sale again: when tax is rounded per
 * line and there is no sale discount (see append-pricing.ts), a line prices alone, whatever the
 * others are, once what promotions take off it is known. So only the lines the live promotions
 * name go through the engine together, which says what each takes; every line, with that folded
 * into its discount, is then its own cached single quote (a sale of many units of one promoted
 * product has a few distinct ones), and the sale's quote is their sum. A scan into a long sale then
 * costs the engine on the promoted lines, not the pricing of the whole sale. Anything else (an
 * order-wide promotion, a deposit, a customer's group discount) prices the whole sale; a property
 * test holds this equal to it.
 */
import { cashRound } from "../../core/cash-rounding.ts";
import type { Discount } from "../../core/discount.ts";
import type { Quote } from "../../core/pricing.ts";
import { linesPromotionsName, promoteLines, promotionClockAt } from "../../core/promotions/index.ts";
import type { StoreSettings } from "../../core/settings.ts";
import type { TaxBreakdown } from "../../core/tax.ts";
import type { TillQuote } from "../services.ts";
import { canAppend, mergeTaxes, priceSingle } from "./append-pricing.ts";
import { promotionsAt } from "./basket.ts";
import type { Sale, SaleLine, TillEnv } from "./types.ts";

/** The sale's quote priced by parts, or null when it must be priced whole. */
export function priceByParts(sale: Sale, env: TillEnv): TillQuote | null {
  const promotions = promotionsAt(env);
  if (promotions === null || sale.lines.length === 0) return null;
  if (!canAppend(env.settings, sale.discount !== undefined) || sale.customer !== undefined) return null;
  if (sale.lines.some((line) => line.kind !== undefined)) return null;
  const lines = sale.lines.map((line) => ({
    code: line.code,
    name: line.name,
    qtyMilli: line.qtyMilli,
    unitPriceMinor: line.unitPriceMinor,
    taxClass: line.taxClass,
    ...(line.discount === undefined ? {} : { discount: line.discount }),
    department: line.department ?? null,
    categories: promotions.categoriesOf(line.category),
  }));
  const named = linesPromotionsName(promotions.book, lines, {
    clock: promotionClockAt(promotions.at, promotions.timeZone),
    roundingMode: env.settings.roundingMode,
    codes: sale.couponCodes,
  });
  if (named === null) return null;
  // The named lines with what the promotions take off each folded into its discount; every line,
  // promoted or not, then prices alone (tax rounded per line, no sale discount).
  const promoted =
    named.size === 0
      ? null
      : promoteLines(
          lines.filter((_, i) => named.has(i)),
          env.settings,
          {
            book: promotions.book,
            at: promotions.at,
            timeZone: promotions.timeZone,
            codes: sale.couponCodes,
          },
        );
  const quote: TillQuote = {
    lines: [],
    subtotalMinor: 0,
    discountMinor: 0,
    taxMinor: 0,
    totalMinor: 0,
    cashDueMinor: 0,
    cashRoundingMinor: 0,
    taxes: [],
    promotions: promoted?.promotions ?? [],
  };
  const taxes: TaxBreakdown[] = [];
  let next = 0;
  for (const [i, line] of sale.lines.entries()) {
    const discount = named.has(i) ? promoted?.lines[next++]?.discount : line.discount;
    const single = singleQuote(line, discount, env.settings);
    add(quote, single);
    taxes.push(...single.taxes);
  }
  quote.taxes = mergeTaxes([], taxes, env.settings);
  const rounding = cashRound(quote.totalMinor, env.settings.cashRoundingMinor);
  quote.cashDueMinor = rounding.roundedMinor;
  quote.cashRoundingMinor = rounding.roundingMinor;
  return quote;
}

function withDiscount(line: SaleLine, discount: Discount | undefined): SaleLine {
  if (discount === line.discount) return line;
  if (discount !== undefined) return { ...line, discount };
  const { discount: _own, ...rest } = line;
  return rest;
}

/** Each sale line's last single quote (a line is never changed in place: a change is a new line). */
const lastQuote = new WeakMap<
  SaleLine,
  { settings: StoreSettings; discount: Discount | undefined; quote: Quote }
>();

function sameDiscount(a: Discount | undefined, b: Discount | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  return "amountMinor" in a && "amountMinor" in b && a.amountMinor === b.amountMinor;
}

/** The line priced alone with `discount` (its own, or its own with what promotions take). */
function singleQuote(line: SaleLine, discount: Discount | undefined, settings: StoreSettings): Quote {
  const last = lastQuote.get(line);
  if (last !== undefined && last.settings === settings && sameDiscount(last.discount, discount))
    return last.quote;
  const quote = priceSingle(withDiscount(line, discount), settings);
  lastQuote.set(line, { settings, discount, quote });
  return quote;
}

function add(quote: TillQuote, single: Quote): void {
  quote.lines.push(...single.lines);
  quote.subtotalMinor += single.subtotalMinor;
  quote.discountMinor += single.discountMinor;
  quote.taxMinor += single.taxMinor;
  quote.totalMinor += single.totalMinor;
}
