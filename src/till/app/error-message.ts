/**
 * The one place where errors from services, core and devices become status-line messages:
 * known codes get the till's own words (in the cashier's language, saying what to do); any
 * other DomainError shows its message, which already says what to do.
 */
import { DomainError } from "../../core/errors.ts";
import type { MessageKey } from "../i18n/en.ts";
import type { Message } from "../state/types.ts";

/** Codes from the store and the till's own data layer, each said in the till's words. */
const KNOWN_CODES: Readonly<Record<string, MessageKey>> = {
  PIN_UNKNOWN_OFFLINE: "error.pinUnknownOffline",
  HELD_SALE_NOT_FOUND: "error.heldGone",
  NO_OPEN_SHIFT: "error.noOpenShift",
  SHIFT_ALREADY_OPEN: "error.shiftAlreadyOpen",
  APPROVAL_REQUIRED: "error.approvalRequired",
  APPROVAL_USED: "error.approvalUsed",
  FORBIDDEN: "error.forbidden",
  RETURN_EXCEEDS_SOLD: "error.returnExceedsSold",
  REFUND_TENDER_MISMATCH: "error.refundTenders",
  SESSION_ENDED: "error.sessionEnded",
  SESSION_EXPIRED: "error.sessionEnded",
  NO_SESSION: "error.sessionEnded",
  TILL_REVOKED: "error.tillRevoked",
  NO_STAFF_DISCOUNT: "error.noStaffDiscount",
  RECEIPT_NOT_AT_STORE: "error.receiptNotAtStore",
  EMAIL_RECEIPTS_OFF: "error.emailReceiptsOff",
  // Core's refusals while the till prices and settles a sale on its own.
  TENDER_ABOVE_ELIGIBLE: "error.tenderAboveEligible",
  CHANGE_NOT_ALLOWED: "error.changeNotAllowed",
  DISCOUNT_TOO_LARGE: "error.discountTooLarge",
  UNKNOWN_TAX_CLASS: "error.unknownTaxClass",
  UNKNOWN_TENDER: "error.unknownTender",
  INVALID_AMOUNT: "error.invalidAmount",
  INVALID_DISCOUNT: "error.invalidDiscount",
  DEPOSIT_NOT_DISCOUNTABLE: "error.depositNotDiscountable",
};

/** Codes whose message says how long to wait (`details.secondsLeft`). */
const WAIT_CODES: Readonly<Record<string, MessageKey>> = {
  PIN_LOCKED: "error.pinLocked",
  PIN_RATE_LIMITED: "error.pinRateLimited",
};

function secondsLeft(details: unknown): number {
  if (typeof details === "object" && details !== null && "secondsLeft" in details) {
    const value = details.secondsLeft;
    if (typeof value === "number" && Number.isFinite(value)) return Math.max(1, Math.ceil(value));
  }
  return 60;
}

function receiptNoOf(details: unknown): string | null {
  if (typeof details === "object" && details !== null && "receiptNo" in details) {
    const value = details.receiptNo;
    if (typeof value === "string" && value.trim() !== "") return value.trim();
  }
  return null;
}

/** Every code the till says in its own words (besides the lookup and PIN ones). */
export const LOCALIZED_CODES: readonly string[] = [
  ...Object.keys(KNOWN_CODES),
  ...Object.keys(WAIT_CODES),
  "SALE_NOT_FOUND",
  "NOTHING_TO_REPRINT",
];

const PIN_CODES = new Set([
  "WRONG_PIN",
  "INVALID_PIN",
  "PIN_UNKNOWN_OFFLINE",
  "NOT_AN_APPROVER",
  "UNAUTHORIZED",
]);

export interface ErrorContext {
  /** The code that was scanned or typed, for lookup errors. */
  code?: string;
  /** The request was a PIN (log-in or approval). */
  pin?: boolean;
  /** The receipt number (or sale id) asked for. */
  receiptNo?: string;
}

/**
 * An error the till met on its own (pricing, settling): always in the cashier's language, a
 * code without words of its own named in a refusal, never core's English message.
 */
export function localErrorMessage(err: unknown): Message {
  const message = errorToMessage(err);
  if ("key" in message) return message;
  return { key: "error.refused", params: { code: err instanceof DomainError ? err.code : "INTERNAL" } };
}

export function errorToMessage(err: unknown, context: ErrorContext = {}): Message {
  if (err instanceof DomainError) {
    const code = context.code ?? "";
    switch (err.code) {
      case "UNKNOWN_CODE":
      case "PRODUCT_INACTIVE":
        return { key: "error.unknownCode", params: { code } };
      case "BAD_CHECK_DIGIT":
        return { key: "error.badCheckDigit", params: { code } };
      case "STORE_UNREACHABLE":
        return { key: "error.offline" };
      case "NO_OPEN_SHIFT":
        return { key: "error.noOpenShift" };
      case "SHIFT_ALREADY_OPEN":
        return { key: "error.shiftAlreadyOpen" };
      case "SHIFT_CLOSED":
        return { key: "error.shiftClosedAlready" };
    }
    const wait = WAIT_CODES[err.code];
    if (wait !== undefined) return { key: wait, params: { seconds: secondsLeft(err.details) } };
    if (err.code === "SALE_NOT_FOUND")
      return { key: "error.saleNotFound", params: { receiptNo: context.receiptNo ?? "" } };
    if (err.code === "NOTHING_TO_REPRINT") {
      const receiptNo = receiptNoOf(err.details);
      return receiptNo === null
        ? { key: "error.nothingToReprint" }
        : { key: "error.notPrintedHere", params: { receiptNo } };
    }
    const known = KNOWN_CODES[err.code];
    if (known !== undefined) return { key: known };
    if (
      context.pin &&
      (PIN_CODES.has(err.code) || (err.kind === "unauthorized" && err.code !== "PIN_LOCKED"))
    ) {
      return { key: "error.pinRefused" };
    }
    return { text: err.message };
  }
  return { text: err instanceof Error ? err.message : String(err) };
}
