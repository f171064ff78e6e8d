/**
 * Pricing a basket with promotions: each line's own discount first, then the promotions on
 * what is left (see engine.ts), then the sale's discount and tax on what the lines come to
 * after both (pricing.ts) — so tax is always computed after discounts, and deposits (a fixed
 * amount per unit) are never discounted. A line's `discountMinor` includes its share of every
 * promotion; the quote names each promotion with what it took off.
 */
import { takesNoDiscount } from "../deposits.ts";
import type { Discount } from "../discount.ts";
import { normalizeCurrency } from "../money.ts";
import {
  type BasketLineInput,
  lineDiscountBig,
  type PricingSettings,
  priceBasket,
  type Quote,
} from "../pricing.ts";
import { extendPrice, extendPriceBig } from "../quantity.ts";
import { toSafeNumber } from "../safe-integer.ts";
import type { CompiledPromotion, PromotionBook } from "./book.ts";
import { applyPromotions, livePromotions, type PromotionLine } from "./engine.ts";
import { promotionClockAt } from "./schedule.ts";
import type { AppliedPromotion } from "./schema.ts";
import { linesNamedBy } from "./untouched.ts";

export interface PromotedLineInput extends BasketLineInput {
  department?: string | null | undefined;
  /** The product's category and the categories above it. */
  categories?: readonly string[] | undefined;
}

export interface PromotedBasketInput {
  lines: readonly PromotedLineInput[];
  discount?: Discount;
}

export interface PromotionPricing {
  book: PromotionBook;
  /** When the sale is made, and the store's time zone (schedules are local). */
  at: Date;
  timeZone: string;
  codes?: readonly string[] | undefined;
  customerGroups?: readonly string[] | undefined;
}

export interface PromotedQuote extends Quote {
  promotions: AppliedPromotion[];
  /** Codes a promotion used (upper case). */
  codesUsed: string[];
}

/**
 * What a line comes to before promotions (its extended price after its own discount) and what
 * its own discount is, or null when it cannot be priced (pricing says why) or takes no discount.
 */
function beforePromotions(
  line: BasketLineInput,
  settings: PricingSettings,
): { amountMinor: number; ownMinor: number } | null {
  if (takesNoDiscount(line.kind)) return null;
  if (!Number.isSafeInteger(line.unitPriceMinor) || line.unitPriceMinor < 0) return null;
  if (!Number.isSafeInteger(line.qtyMilli) || line.qtyMilli <= 0) return null;
  if (line.discount === undefined) {
    return {
      amountMinor: extendPrice(line.unitPriceMinor, line.qtyMilli, settings.roundingMode),
      ownMinor: 0,
    };
  }
  const extended = extendPriceBig(line.unitPriceMinor, line.qtyMilli, settings.roundingMode);
  const own = lineDiscountBig(line, extended, settings.roundingMode, normalizeCurrency(settings.currency));
  const amountMinor = toSafeNumber(extended - own, "line amount");
  return { amountMinor, ownMinor: toSafeNumber(extended) - amountMinor };
}

/** What the promotions in force take off a basket's lines, when one takes something. */
export interface PromotedLines {
  /** The lines as priced: one a promotion takes from has the promotion in its discount, the others are the input's own. */
  lines: BasketLineInput[];
  promotions: AppliedPromotion[];
  /** Codes a promotion used (upper case). */
  codesUsed: string[];
}

/**
 * The basket's lines with what the promotions in force take off each folded into the line's
 * discount (so that pricing them gives the promoted quote), or null when none takes anything.
 */
export function promoteLines(
  lines: readonly PromotedLineInput[],
  settings: PricingSettings,
  promotions: PromotionPricing,
  /** The lines' live promotions when the caller has them already (livePromotions of the same lines). */
  known?: readonly CompiledPromotion[],
): PromotedLines | null {
  const context = {
    clock: promotionClockAt(promotions.at, promotions.timeZone),
    roundingMode: settings.roundingMode,
    codes: promotions.codes,
    customerGroups: promotions.customerGroups,
  };
  const live = known ?? livePromotions(promotions.book, lines, context);
  if (live.length === 0) return null;
  // Lines no live promotion can name take nothing and count for nothing: their amounts are not needed.
  const named = linesNamedBy(live, lines);
  const before = lines.map((line, i) =>
    named === null || named.has(i) ? beforePromotions(line, settings) : null,
  );
  const engineLines: PromotionLine[] = lines.map((line, i) => ({
    code: line.code,
    qtyMilli: line.qtyMilli,
    amountMinor: before[i]?.amountMinor ?? 0,
    department: line.department,
    categories: line.categories,
    kind: line.kind,
  }));
  const outcome = applyPromotions(promotions.book, engineLines, context, live);
  if (outcome.applied.length === 0) return null;
  const promoted = lines.map((line, i): BasketLineInput => {
    const promotion = outcome.lineDiscountMinor[i] ?? 0;
    if (promotion === 0) return line;
    // A line a promotion takes from was priced above: it has an amount.
    return { ...line, discount: { amountMinor: (before[i]?.ownMinor ?? 0) + promotion } };
  });
  return { lines: promoted, promotions: outcome.applied, codesUsed: outcome.codesUsed };
}

/** Prices a basket with the promotions in force; with none, exactly as priceBasket. */
export function priceWithPromotions(
  input: PromotedBasketInput,
  settings: PricingSettings,
  promotions: PromotionPricing | null,
): PromotedQuote {
  const discount = input.discount === undefined ? {} : { discount: input.discount };
  const promoted = promotions === null ? null : promoteLines(input.lines, settings, promotions);
  if (promoted === null) {
    return { ...priceBasket({ lines: input.lines, ...discount }, settings), promotions: [], codesUsed: [] };
  }
  const quote = priceBasket({ lines: promoted.lines, ...discount }, settings);
  return { ...quote, promotions: promoted.promotions, codesUsed: promoted.codesUsed };
}
