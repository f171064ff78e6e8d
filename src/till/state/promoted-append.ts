/**
 * Scanning with promotions in force without pricing the whole sale again: when tax is rounded per
 * line and there is no sale discount (see append-pricing.ts), a line no promotion in force names
 * prices alone, whatever the others are. So only the lines the live promotions name go through the
 * engine together; every other line is its own cached single quote, and the sale's quote is their
 * sum. A scan into a long sale then costs the promoted lines, not the whole sale. Anything else
 * (an order-wide promotion, a deposit, a customer's group discount) prices the whole sale; a
 * property test holds this equal to it.
 */
import { cashRound } from "../../core/cash-rounding.ts";
import { linesPromotionsName, promotionClock } from "../../core/promotions/index.ts";
import type { TillQuote } from "../services.ts";
import { canAppend, mergeTaxes, priceSingle } from "./append-pricing.ts";
import { priceSale, promotionsAt } from "./basket.ts";
import type { Sale, TillEnv } from "./types.ts";

/** The sale's quote priced by parts, or null when it must be priced whole. */
export function priceByParts(sale: Sale, env: TillEnv): TillQuote | null {
  const promotions = promotionsAt(env);
  if (promotions === null || sale.lines.length === 0) return null;
  if (!canAppend(env.settings, sale.discount !== undefined) || sale.customer !== undefined) return null;
  if (sale.lines.some((line) => line.kind !== undefined)) return null;
  const named = linesPromotionsName(
    promotions.book,
    sale.lines.map((line) => ({
      code: line.code,
      qtyMilli: line.qtyMilli,
      department: line.department ?? null,
      categories: promotions.categoriesOf(line.category),
    })),
    {
      clock: promotionClock(promotions.at, promotions.timeZone),
      roundingMode: env.settings.roundingMode,
      codes: sale.couponCodes,
    },
  );
  if (named === null) return null;
  const promoted = sale.lines.filter((_, i) => named.has(i));
  const part =
    promoted.length === 0
      ? null
      : priceSale(
          { lines: promoted, ...(sale.couponCodes === undefined ? {} : { couponCodes: sale.couponCodes }) },
          env.settings,
          promotions,
        );
  const quote: TillQuote = {
    lines: [],
    subtotalMinor: part?.subtotalMinor ?? 0,
    discountMinor: part?.discountMinor ?? 0,
    taxMinor: part?.taxMinor ?? 0,
    totalMinor: part?.totalMinor ?? 0,
    cashDueMinor: 0,
    cashRoundingMinor: 0,
    taxes: part?.taxes ?? [],
    promotions: part?.promotions ?? [],
  };
  let next = 0;
  for (const [i, line] of sale.lines.entries()) {
    if (named.has(i)) {
      const priced = part?.lines[next++];
      if (priced === undefined) return null;
      quote.lines.push(priced);
      continue;
    }
    const single = priceSingle(line, env.settings);
    quote.lines.push(...single.lines);
    quote.subtotalMinor += single.subtotalMinor;
    quote.discountMinor += single.discountMinor;
    quote.taxMinor += single.taxMinor;
    quote.totalMinor += single.totalMinor;
    quote.taxes = mergeTaxes(quote.taxes, single.taxes, env.settings);
  }
  const rounding = cashRound(quote.totalMinor, env.settings.cashRoundingMinor);
  quote.cashDueMinor = rounding.roundedMinor;
  quote.cashRoundingMinor = rounding.roundingMinor;
  return quote;
}
