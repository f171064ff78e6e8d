/**
 * The sale priced with the shared engine (the store prices it the same way), the payment's
 * progress, and the till lines as the store receives them.
 */
import { cashRound } from "../../core/cash-rounding.ts";
import { priceBasket, type Quote } from "../../core/pricing.ts";
import { type PromotedQuote, priceWithPromotions } from "../../core/promotions/index.ts";
import type { StoreSettings } from "../../core/settings.ts";
import { DEFAULT_TENDER_TYPES, type TenderInput } from "../../core/tenders.ts";
import type { TillLine } from "../services.ts";
import { type SalePromotions, withCustomer } from "./customer-pricing.ts";
import { basketLinesOf } from "./deposit-lines.ts";
import type { Sale, SaleLine, TillEnv } from "./types.ts";

/** The promotions a sale is priced with now (in the store's time zone), or null without any. */
export function promotionsAt(env: Pick<TillEnv, "promotions" | "now" | "settings">): SalePromotions | null {
  if (env.promotions === undefined || env.promotions.book.size === 0) return null;
  return { ...env.promotions, at: new Date(env.now()), timeZone: env.settings.timeZone };
}

export type { SalePromotions };

/**
 * Prices the sale, with the promotions in force when given (the quote then names them); null
 * when it has no lines. Throws the engine's DomainError when it cannot.
 */
export function priceSale(
  sale: Pick<Sale, "lines" | "discount" | "customer" | "couponCodes">,
  settings: StoreSettings,
  inForce: SalePromotions | null = null,
): (Quote & { promotions?: PromotedQuote["promotions"] }) | null {
  if (sale.lines.length === 0) return null;
  const promotions = withCustomer(inForce, sale.customer, () => new Date(), settings.timeZone);
  const basket = basketLinesOf(sale.lines);
  const discount = sale.discount ? { discount: sale.discount } : {};
  if (promotions === null) return priceBasket({ lines: basket, ...discount }, settings);
  const lines = basket.map((line, i) => ({
    ...line,
    department: sale.lines[i]?.department ?? null,
    categories: promotions.categoriesOf(sale.lines[i]?.category),
  }));
  const { codesUsed: _codes, ...quote } = priceWithPromotions({ lines, ...discount }, settings, {
    book: promotions.book,
    at: promotions.at,
    timeZone: promotions.timeZone,
    codes: sale.couponCodes,
    customerGroups: promotions.customerGroups,
  });
  return quote;
}

/** A line as the store receives it: the price only when it is not the catalog's. */
export function toTillLine(line: SaleLine): TillLine {
  const result: TillLine = { code: line.code, qtyMilli: line.qtyMilli };
  if (line.priceGiven) {
    result.unitPriceMinor = line.unitPriceMinor;
    result.priceSource = line.overridden ? "override" : "open";
  }
  if (line.discount) result.discount = line.discount;
  if (line.kind) result.kind = line.kind;
  if (line.card !== undefined) result.card = line.card;
  if (line.snapEligible) result.snapEligible = true;
  if (line.lot !== undefined) result.lot = line.lot;
  if (line.expiry !== undefined) result.expiry = line.expiry;
  if (line.serial !== undefined) result.serial = line.serial;
  if (line.staffId !== undefined) result.staffId = line.staffId;
  if (line.packageId !== undefined) result.packageId = line.packageId;
  return result;
}

function isCash(type: string): boolean {
  return DEFAULT_TENDER_TYPES.find((t) => t.type === type)?.isCash ?? false;
}

export interface PaymentProgress {
  totalMinor: number;
  paidMinor: number;
  /** What is still owed, before cash rounding. */
  remainingMinor: number;
  /** What is still owed in cash, after cash rounding: the exact-cash amount. */
  cashDueMinor: number;
}

export function paymentProgress(
  quote: Quote,
  tenders: readonly TenderInput[],
  settings: StoreSettings,
): PaymentProgress {
  let cash = 0;
  let nonCash = 0;
  for (const tender of tenders) {
    if (isCash(tender.type)) cash += tender.amountMinor;
    else nonCash += tender.amountMinor;
  }
  const total = quote.totalMinor;
  const restForCash = Math.max(0, total - nonCash);
  const rounds = settings.cashRoundingScope === "cash" && settings.cashRoundingMinor > 0 && restForCash > 0;
  const cashDueTotal = rounds ? cashRound(restForCash, settings.cashRoundingMinor).roundedMinor : restForCash;
  return {
    totalMinor: total,
    paidMinor: cash + nonCash,
    remainingMinor: Math.max(0, total - cash - nonCash),
    cashDueMinor: Math.max(0, cashDueTotal - cash),
  };
}

/** Notes and coins for the shift's cash count, largest first, in minor units. */
const DENOMINATIONS: Record<string, readonly number[]> = {
  USD: [10000, 5000, 2000, 1000, 500, 200, 100, 25, 10, 5, 1],
  EUR: [50000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5, 2, 1],
  GBP: [5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5, 2, 1],
  RUB: [500000, 200000, 100000, 50000, 20000, 10000, 5000, 1000, 500, 200, 100, 50, 10],
  AZN: [20000, 10000, 5000, 2000, 1000, 500, 100, 50, 20, 10, 5, 3, 1],
  CHF: [100000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5],
  CAD: [10000, 5000, 2000, 1000, 500, 200, 100, 25, 10, 5],
};

export function denominationsFor(currency: string): readonly number[] {
  return DENOMINATIONS[currency] ?? DENOMINATIONS.USD ?? [];
}
