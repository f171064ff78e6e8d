/**
 * The one place where errors from services, core and devices become status-line messages:
 * known codes get the till's own words (in the cashier's language, saying what to do); any
 * other DomainError shows its message, which already says what to do.
 */
import { DomainError } from "../../core/errors.ts";
import type { Message } from "../state/types.ts";

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
