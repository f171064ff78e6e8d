import { DomainError } from "./errors.ts";
import { currencyExponent, minorToDecimalString } from "./money.ts";

/** "5.95 USD" when the currency is known, otherwise "595 minor units". */
export function describeMinor(minor: number, currency: string | undefined): string {
  if (currency === undefined) return `${minor} minor units`;
  return `${minorToDecimalString(minor, currencyExponent(currency))} ${currency}`;
}

export interface TenderShortDetails {
  shortMinor: number;
  amountDueMinor: number;
  paidMinor: number;
  /** True when the shortfall is the cash-rounded remainder (the rest is to be paid in cash). */
  cashRounded: boolean;
  currency?: string;
}

/** The tenders do not cover what is due; `shortMinor` is what is still to pay. */
export class TenderShortError extends DomainError {
  readonly code = "TENDER_SHORT";
  readonly shortMinor: number;
  constructor(details: TenderShortDetails) {
    super(
      `The payment is ${describeMinor(details.shortMinor, details.currency)} short of the amount due; take another tender for the rest.`,
      details,
    );
    this.shortMinor = details.shortMinor;
  }
}

export interface OverpaymentDetails {
  type: string;
  amountMinor: number;
  remainingMinor: number;
  excessMinor: number;
  currency?: string;
}

/** A tender that gives no change (card, gift card, coupon…) would pay more than is due. */
export class OverpaymentNotAllowedError extends DomainError {
  readonly code = "CHANGE_NOT_ALLOWED";
  constructor(details: OverpaymentDetails) {
    const remaining = describeMinor(details.remainingMinor, details.currency);
    const amount = describeMinor(details.amountMinor, details.currency);
    super(
      `A ${details.type} tender gives no change: it may pay at most the ${remaining} still due, not ${amount}. Enter at most the remaining amount.`,
      details,
    );
  }
}

/** A tender type that the store does not accept. */
export class UnknownTenderError extends DomainError {
  readonly code = "UNKNOWN_TENDER";
  constructor(type: string, known: readonly string[]) {
    super(`"${type}" is not a tender type this store accepts; use one of: ${known.join(", ")}.`, {
      type,
      known,
    });
  }
}

export interface DiscountTooLargeDetails {
  scope: "line" | "basket";
  discountMinor: number;
  maxMinor: number;
  /** Product code of the line, for a line discount. */
  code?: string;
  currency?: string;
}

/** An amount discount larger than the amount it discounts. */
export class DiscountTooLargeError extends DomainError {
  readonly code = "DISCOUNT_TOO_LARGE";
  constructor(details: DiscountTooLargeDetails) {
    const what = details.code === undefined ? "the sale" : `line ${details.code}`;
    const max = describeMinor(details.maxMinor, details.currency);
    super(
      `A discount of ${describeMinor(details.discountMinor, details.currency)} is more than the ${max} of ${what}; enter at most ${max}.`,
      details,
    );
  }
}

/** A line refers to a tax class that the store configuration does not define. */
export class UnknownTaxClassError extends DomainError {
  readonly code = "UNKNOWN_TAX_CLASS";
  constructor(taxClass: string, known: readonly string[], lineCode?: string) {
    const product = lineCode === undefined ? "" : ` of product ${lineCode}`;
    const list = known.length === 0 ? "none" : known.join(", ");
    super(
      `Tax class "${taxClass}"${product} is not configured; add it to the store's taxClasses (known: ${list}) or fix the product.`,
      { taxClass, known, ...(lineCode === undefined ? {} : { code: lineCode }) },
    );
  }
}
