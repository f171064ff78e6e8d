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
  ORDERS_NEED_STORE: "error.ordersNeedStore",
  DELIVERIES_NEED_STORE: "error.deliveriesNeedStore",
  DELIVERY_NOT_FOUND: "error.deliveryGone",
  STATUS_BACKWARDS: "error.deliveryBackwards",
  NO_COURIER: "error.deliveryNeedsCourier",
  COURIER_NOT_FOUND: "error.courierUnknown",
  NOT_A_COURIER: "error.notACourier",
  DELIVERY_FEE_NEEDS_PRODUCT: "error.deliveryFeeNeedsProduct",
  DELIVERY_FEE_PRODUCT_UNKNOWN: "error.deliveryFeeProductUnknown",
  DELIVERY_UNDER_WAY: "error.deliveryUnderWay",
  NOT_YOUR_DELIVERY: "error.notYourDelivery",
  NOT_ALLOWED: "error.permissionDenied",
  OVER_DRAWER_CASH: "error.overDrawerCash",
  ENTRY_ID_REUSED: "error.entryIdReused",
  // Services, packages and bookings (the till's own, and the store's refusals).
  BOOKINGS_NEED_STORE: "error.bookingsNeedStore",
  SERVICE_NOT_FOUND: "error.serviceNotFound",
  STAFF_NOT_FOUND: "error.staffNotFound",
  STAFF_NOT_QUALIFIED: "error.staffNotQualified",
  BOOKING_OVERLAP: "error.bookingOverlap",
  BOOKING_ID_REUSED: "error.bookingOverlap",
  BOOKING_NOT_FOUND: "error.bookingNotFound",
  BOOKING_STATUS_FINAL: "error.bookingStatusFinal",
  OUTSIDE_OPENING_HOURS: "error.outsideOpeningHours",
  PACKAGE_NOT_FOUND: "error.packageNotFound",
  PACKAGE_USED_UP: "error.packageUsedUp",
  PACKAGE_OTHER_SERVICE: "error.packageOtherService",
  PACKAGE_OTHER_CUSTOMER: "error.packageOtherCustomer",
  PACKAGE_NEEDS_CUSTOMER: "error.packageNeedsCustomer",
  // The restaurant mode (the store's and the till's own refusals).
  RESTAURANT_NEEDS_STORE: "error.restaurantNeedsStore",
  UNKNOWN_TABLE: "error.unknownTable",
  TABLE_NOT_OCCUPIED: "error.tableNotOccupied",
  TABLE_OCCUPIED: "error.tableOccupied",
  TABLE_ORDER_CLOSED: "error.tableOrderClosed",
  NOTHING_TO_SEND: "error.nothingToSend",
  SPLIT_MISMATCH: "error.splitMismatch",
  CHECK_PAID: "error.checkPaid",
  CHECK_TENDERS_MISMATCH: "error.checkTenders",
  RESTAURANT_MODE_OFF: "error.restaurantOff",
  UNKNOWN_WAITER: "error.unknownWaiter",
  UNKNOWN_PRODUCT: "error.tableProduct",
  TABLE_ORDER_NOT_FOUND: "error.tableChanged",
  TABLE_ORDER_ID_REUSED: "error.tableChanged",
  CHECK_NOT_FOUND: "error.tableChanged",
  UNKNOWN_LINE: "error.tableChanged",
  WAITER_REQUIRED: "error.waiterRequired",
  NOTHING_TO_SPLIT: "error.nothingToSplit",
  SPLIT_PARTS_INVALID: "error.splitParts",
  MERGE_INVALID: "error.mergeInvalid",
  INVOICES_NEED_STORE: "error.invoicesNeedStore",
  OVER_RESERVATION: "error.overReservation",
  INVOICE_BUYER_NAME: "error.invoiceBuyerName",
  INVOICE_BUYER_ADDRESS: "error.invoiceBuyerAddress",
  INVOICE_BUYER_TAX_ID: "error.invoiceBuyerTaxId",
  INVOICE_SALE_NOT_AT_STORE: "error.saleNotAtStore",
  SALE_ALREADY_INVOICED: "error.saleAlreadyInvoiced",
  LEGAL_DETAILS_MISSING: "error.legalDetailsMissing",
  NO_OPEN_SHIFT: "error.noOpenShift",
  TRAINING_SALE: "error.trainingSale",
  SHIFT_ALREADY_OPEN: "error.shiftAlreadyOpen",
  APPROVAL_REQUIRED: "error.approvalRequired",
  DISCOUNT_OVER_LIMIT: "error.discountOverLimit",
  APPROVAL_USED: "error.approvalUsed",
  FORBIDDEN: "error.forbidden",
  PERMISSION_DENIED: "error.permissionDenied",
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
  GIFT_CARD_NOT_DISCOUNTABLE: "error.giftCardNotDiscountable",
  GIFT_CARD_AMOUNT_INVALID: "error.giftCardLine",
  GIFT_CARD_NUMBER_REQUIRED: "error.giftCardLine",
  GIFT_CARD_TAXED: "error.giftCardLine",
  CARD_ON_ITEM_LINE: "error.giftCardLine",
  GIFT_CARD_SPENT: "error.giftCardSpent",
  GIFT_CARD_NEEDS_HQ: "error.giftCardNeedsHq",
  // A GS1 label (GS1-128, DataMatrix) that cannot be read.
  GS1_EMPTY: "error.gs1Unreadable",
  GS1_UNKNOWN_AI: "error.gs1Unreadable",
  GS1_BAD_LENGTH: "error.gs1Unreadable",
  GS1_BAD_CHARACTER: "error.gs1Unreadable",
  GS1_BAD_CHECK_DIGIT: "error.gs1Unreadable",
  GS1_BAD_DATE: "error.gs1Unreadable",
  GS1_DUPLICATE_AI: "error.gs1Unreadable",
  GS1_NO_GTIN: "error.gs1Unreadable",
  SERIAL_SOLD: "error.serialSold",
  // Customers' cards and card tenders (the store's, or head office's passed on).
  CARD_NOT_FOUND: "error.cardNotFound",
  CARD_BLOCKED: "error.cardBlocked",
  CARD_EXPIRED: "error.cardExpired",
  CARD_KIND_MISMATCH: "error.cardKind",
  CARD_EXISTS: "error.cardExists",
  OVER_BALANCE: "error.overBalance",
  OFFLINE_ALLOWANCE_EXCEEDED: "error.offlineAllowance",
  POINTS_NEED_HQ: "error.pointsNeedHq",
  NO_HOUSE_ACCOUNT: "error.noHouseAccount",
  OVER_CREDIT_LIMIT: "error.overCreditLimit",
  ACCOUNT_NEEDS_HQ: "error.accountNeedsHq",
  CARD_REQUIRED: "error.cardRequired",
  POINTS_VALUE_MISMATCH: "error.pointsValueMismatch",
  HQ_REFUSED: "error.hqRefused",
  REDEMPTION_NOT_FOUND: "error.redemptionNotFound",
  REDEMPTION_COMMITTED: "error.redemptionCommitted",
  BELOW_MINIMUM: "error.belowMinimum",
  NOTHING_TO_REDEEM: "error.nothingToRedeem",
  NO_LOYALTY_PROGRAM: "error.noLoyaltyProgram",
  HQ_UNREACHABLE: "error.hqUnreachable",
  // The shop's own tenders (the till's check, or the store's refusal).
  CUSTOM_TENDER_UNKNOWN: "error.unknownCustomTender",
  CUSTOM_TENDER_ID_REQUIRED: "error.unknownCustomTender",
  CUSTOM_TENDER_DISABLED: "error.customTenderDisabled",
  CUSTOM_TENDER_OVER_MAX: "error.customTenderOverMax",
  // Promo codes (the store's refusals; the till's own check of a code's dates).
  CODE_UNKNOWN: "error.codeUnknown",
  CODE_NOT_YET_VALID: "error.codeNotYetValid",
  CODE_EXPIRED: "error.codeExpired",
  CODE_USED_UP: "error.codeUsedUp",
  CODE_CUSTOMER_LIMIT: "error.codeCustomerLimit",
  CODE_NEEDS_CUSTOMER: "error.codeNeedsCustomer",
  CODE_NEEDS_HQ: "error.codeNeedsHq",
};

/**
 * The store's other refusals a till's call can meet, said after the PIN words (a wrong PIN at
 * log-in or approval says so). The store's own message is English, for its log and the admin.
 */
const STORE_CODES: Readonly<Record<string, MessageKey>> = {
  WRONG_PIN: "error.pinRefused",
  NOT_AN_APPROVER: "error.notAnApprover",
  UNAUTHORIZED: "error.sessionEnded",
  NOT_A_SESSION: "error.sessionEnded",
  APPROVAL_EXPIRED: "error.approvalNotAccepted",
  APPROVAL_MISMATCH: "error.approvalNotAccepted",
  APPROVAL_NOT_FOUND: "error.approvalNotAccepted",
  APPROVAL_UNPROVEN: "error.approvalNotAccepted",
  PROOF_INVALID: "error.approvalNotAccepted",
  WRONG_TILL: "error.tillNotRecognised",
  IDENTITY_MISMATCH: "error.tillNotRecognised",
  NOT_A_TILL: "error.tillNotRecognised",
  TILL_NOT_PAIRED: "error.tillNotRecognised",
  TILL_KEY_UNKNOWN: "error.tillNotRecognised",
  TILL_KEY_REGISTERED: "error.tillNotRecognised",
  INVALID_KEY: "error.tillNotRecognised",
  TILL_REQUIRED: "error.tillNotRecognised",
  PAIRING_REFUSED: "error.pairingRefused",
  PAIRING_LOCKED: "error.pairingLocked",
  SALE_COMPLETED: "error.saleCompleted",
  PRICE_REQUIRED: "error.priceRequired",
  PRICE_TOO_HIGH: "error.priceTooHigh",
  WEIGHT_REQUIRED: "error.weightRequired",
  FRACTIONAL_QUANTITY: "error.quantityRefused",
  INVALID_QUANTITY: "error.quantityRefused",
  INVALID_DEPOSIT_RETURN: "error.quantityRefused",
  NOT_ON_SALE: "error.notOnSale",
  LINE_NO_WITHOUT_RECEIPT: "error.returnReceiptMismatch",
  RECEIPT_MISMATCH: "error.returnReceiptMismatch",
  PRICE_FROM_RECEIPT: "error.priceFromReceipt",
  SALE_HAS_RETURNS: "error.saleHasReturns",
  SALE_VOIDED: "error.saleVoided",
  RETURN_NOT_FOUND: "error.returnNotFound",
  SHIFT_NOT_FOUND: "error.shiftNotFound",
  NO_Z_REPORT: "error.noZReport",
};

/** The store refused a record the till sent (a sale, a return, an audit entry): said with its code. */
const RECORD_CODES: ReadonlySet<string> = new Set([
  "SALE_INCONSISTENT",
  "SALE_DATE_INVALID",
  "SALE_ID_CONFLICT",
  "INVALID_RECEIPT_NO",
  "RECEIPT_NO_TAKEN",
  "CURRENCY_MISMATCH",
  "INVALID_REQUEST",
  "DUPLICATE_ENTRY",
  "ENTRY_ID_REUSED",
]);

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
  ...Object.keys(STORE_CODES),
  ...RECORD_CODES,
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
    const store = STORE_CODES[err.code];
    if (store !== undefined) return { key: store };
    if (RECORD_CODES.has(err.code)) return { key: "error.recordRefused", params: { code: err.code } };
    return { text: err.message };
  }
  return { text: err instanceof Error ? err.message : String(err) };
}
