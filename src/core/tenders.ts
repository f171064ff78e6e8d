import { cashRound, requireCashIncrement } from "./cash-rounding.ts";
import { InvalidInputError } from "./errors.ts";
import type { PricingSettings, Quote } from "./pricing.ts";
import { OverpaymentNotAllowedError, TenderShortError, UnknownTenderError } from "./pricing-errors.ts";
import { toSafeNumber } from "./safe-integer.ts";

/** A way to pay. Only tenders that allow change may pay more than is due. */
export interface TenderType {
  type: string;
  /** Counts as cash: subject to cash rounding, and what goes in the drawer. */
  isCash: boolean;
  /** May pay more than is due, the excess given back as change (in cash). */
  allowsChange: boolean;
}

export const DEFAULT_TENDER_TYPES: readonly TenderType[] = [
  { type: "cash", isCash: true, allowsChange: true },
  { type: "card", isCash: false, allowsChange: false },
  { type: "check", isCash: false, allowsChange: false },
  { type: "gift", isCash: false, allowsChange: false },
  { type: "coupon", isCash: false, allowsChange: false },
  { type: "ebt", isCash: false, allowsChange: false },
  { type: "charge", isCash: false, allowsChange: false },
  /** Loyalty points and a gift card's balance, authorised with head office (card-tenders). */
  { type: "points", isCash: false, allowsChange: false },
  { type: "giftcard", isCash: false, allowsChange: false },
  /** Money on a customer's loyalty card at head office, given as a refund or spent. */
  { type: "store_credit", isCash: false, allowsChange: false },
  /** A charge to the customer's house account at head office, within its credit limit. */
  { type: "account", isCash: false, allowsChange: false },
  /** Paid by bank transfer (to the shop's account); counted like any other tender in the reports. */
  { type: "bank_transfer", isCash: false, allowsChange: false },
];

/**
 * The credit of an exchange: what the goods brought back are worth pays for the new sale. It
 * appears as a refund tender of the return and a tender of the sale, of the same amount, so
 * it nets to nothing in the day's money; only an exchange may use it.
 */
export const EXCHANGE_TENDER = "exchange";

/**
 * Cash a courier collected at the door for an order, recorded as the order's sale when he hands
 * it in: not the drawer's cash (the hand-in puts the money in the drawer), and only a hand-in
 * uses it.
 */
export const CASH_ON_DELIVERY = "cash_on_delivery";
export const EXCHANGE_TENDER_TYPES: readonly TenderType[] = [
  ...DEFAULT_TENDER_TYPES,
  { type: EXCHANGE_TENDER, isCash: false, allowsChange: false },
];

export interface TenderInput {
  type: string;
  /** Amount handed over, in minor units; more than zero. */
  amountMinor: number;
  /** The card terminal's reference for a card tender (its authorisation code). */
  ref?: string | undefined;
  /** The customer's card a points or gift-card tender redeems from, and the points it takes. */
  card?: string | undefined;
  points?: number | undefined;
}

export interface Settlement {
  /** What is collected: the total plus any cash rounding of the part paid in cash (scope "cash"). */
  amountDueMinor: number;
  /** Sum of all tenders. */
  paidMinor: number;
  /** paidMinor − amountDueMinor, given back in cash; never negative. */
  changeMinor: number;
  /** Scope "cash": rounding of the cash part. Scope "all": the rounding already in the quote's total. */
  cashRoundingMinor: number;
}

interface ResolvedTender {
  tender: TenderInput;
  kind: TenderType;
}

function indexTenderTypes(tenderTypes: readonly TenderType[]): Map<string, TenderType> {
  const byType = new Map<string, TenderType>();
  for (const tenderType of tenderTypes) {
    if (byType.has(tenderType.type)) {
      throw new InvalidInputError(
        "DUPLICATE_TENDER_TYPE",
        `Tender type "${tenderType.type}" is configured twice; give each tender type its own name.`,
        { type: tenderType.type },
      );
    }
    byType.set(tenderType.type, tenderType);
  }
  return byType;
}

function resolveTender(tender: TenderInput, byType: Map<string, TenderType>): ResolvedTender {
  const kind = byType.get(tender.type);
  if (kind === undefined) throw new UnknownTenderError(tender.type, [...byType.keys()]);
  if (!Number.isSafeInteger(tender.amountMinor) || tender.amountMinor <= 0) {
    throw new InvalidInputError(
      "INVALID_TENDER_AMOUNT",
      `A ${tender.type} tender must be a whole number of minor units, more than zero, not ${tender.amountMinor}.`,
      { type: tender.type, amountMinor: tender.amountMinor },
    );
  }
  return { tender, kind };
}

function requireQuoteAmount(value: number, label: string, allowNegative: boolean): number {
  if (!Number.isSafeInteger(value) || (!allowNegative && value < 0)) {
    throw new InvalidInputError(
      "INVALID_QUOTE",
      `The quote's ${label} is not a valid amount (${value}); price it again.`,
      {
        [label]: value,
      },
    );
  }
  return value;
}

/**
 * Settles a priced sale with the customer's tenders.
 *
 * Non-cash tenders apply first; what remains is due in cash and, with cash rounding of scope
 * "cash", rounded to the smallest coin. Tenders that give no change may not pay more than is
 * still due (OverpaymentNotAllowedError); all tenders together must cover the amount due
 * (TenderShortError, with the shortfall); the excess is change, from change-giving tenders only.
 */
export function settle(
  quote: Quote,
  tenders: readonly TenderInput[],
  settings: PricingSettings,
  tenderTypes: readonly TenderType[] = DEFAULT_TENDER_TYPES,
): Settlement {
  const total = BigInt(requireQuoteAmount(quote.totalMinor, "totalMinor", true));
  const increment = requireCashIncrement(settings.cashRoundingMinor);
  const byType = indexTenderTypes(tenderTypes);
  const resolved = tenders.map((tender) => resolveTender(tender, byType));
  if (total < 0n) return settlePayout(quote, total, resolved, settings, increment);

  let remainingForNoChange = total;
  for (const { tender, kind } of resolved) {
    if (kind.allowsChange) continue;
    const amount = BigInt(tender.amountMinor);
    if (amount > remainingForNoChange) {
      throw new OverpaymentNotAllowedError({
        type: tender.type,
        amountMinor: tender.amountMinor,
        remainingMinor: toSafeNumber(remainingForNoChange),
        excessMinor: toSafeNumber(amount - remainingForNoChange),
        currency: settings.currency,
      });
    }
    remainingForNoChange -= amount;
  }

  let nonCash = 0n;
  let cash = 0n;
  for (const { tender, kind } of resolved) {
    if (kind.isCash) cash += BigInt(tender.amountMinor);
    else nonCash += BigInt(tender.amountMinor);
  }
  const restForCash = total > nonCash ? total - nonCash : 0n;
  const roundsCash = settings.cashRoundingScope === "cash" && increment > 0 && cash > 0n && restForCash > 0n;
  const cashDue = roundsCash
    ? BigInt(cashRound(toSafeNumber(restForCash), increment).roundedMinor)
    : restForCash;

  const paid = nonCash + cash;
  if (cash < cashDue) {
    throw new TenderShortError({
      shortMinor: toSafeNumber(cashDue - cash),
      amountDueMinor: toSafeNumber(total + (cashDue - restForCash)),
      paidMinor: toSafeNumber(paid),
      cashRounded: roundsCash,
      currency: settings.currency,
    });
  }
  const cashRounding =
    settings.cashRoundingScope === "all"
      ? BigInt(requireQuoteAmount(quote.cashRoundingMinor, "cashRoundingMinor", true))
      : cashDue - restForCash;
  const amountDue = settings.cashRoundingScope === "all" ? total : total + cashRounding;
  return {
    amountDueMinor: toSafeNumber(amountDue, "amount due"),
    paidMinor: toSafeNumber(paid, "amount paid"),
    changeMinor: toSafeNumber(paid - amountDue, "change"),
    cashRoundingMinor: toSafeNumber(cashRounding),
  };
}

/**
 * A sale that comes to less than nothing (returned empties worth more than what was bought):
 * the customer is paid out in cash, as change, rounded to the smallest coin where cash is
 * rounded. Only change-giving tenders may be taken (cash the customer still hands over).
 */
function settlePayout(
  quote: Quote,
  total: bigint,
  resolved: readonly ResolvedTender[],
  settings: PricingSettings,
  increment: number,
): Settlement {
  let paid = 0n;
  for (const { tender, kind } of resolved) {
    if (!kind.allowsChange) {
      throw new OverpaymentNotAllowedError({
        type: tender.type,
        amountMinor: tender.amountMinor,
        remainingMinor: 0,
        excessMinor: tender.amountMinor,
        currency: settings.currency,
      });
    }
    paid += BigInt(tender.amountMinor);
  }
  const all = settings.cashRoundingScope === "all";
  const due = all || increment === 0 ? total : BigInt(cashRound(toSafeNumber(total), increment).roundedMinor);
  const cashRounding = all
    ? BigInt(requireQuoteAmount(quote.cashRoundingMinor, "cashRoundingMinor", true))
    : due - total;
  return {
    amountDueMinor: toSafeNumber(due, "amount due"),
    paidMinor: toSafeNumber(paid, "amount paid"),
    changeMinor: toSafeNumber(paid - due, "change"),
    cashRoundingMinor: toSafeNumber(cashRounding),
  };
}
