/**
 * The domain errors of customers, cards and accounts at head office: each code with its kind.
 * The server's one error handler maps a kind to an HTTP status; services never speak HTTP.
 */
import { featureErrors } from "../../core/errors.ts";

export class CustomerError extends featureErrors({
  CUSTOMER_NOT_FOUND: "not_found",
  CUSTOMER_EXISTS: "conflict",
  CUSTOMER_MERGED: "conflict",
  CUSTOMER_ERASED: "conflict",
  MERGE_INTO_SELF: "invalid",
  UNKNOWN_GROUP: "invalid",
  UNKNOWN_FIELD: "invalid",
  FIELD_ANSWER_INVALID: "invalid",
  GROUP_NOT_FOUND: "not_found",
  FIELD_EXISTS: "conflict",
  FIELD_NOT_FOUND: "not_found",
}) {}

export type CustomerErrorCode = CustomerError["code"];

export class MemberError extends featureErrors({
  CUSTOMER_NOT_FOUND: "not_found",
  MEMBER_NUMBER_TAKEN: "conflict",
  NOT_A_MEMBER: "conflict",
  EQUITY_OVERPAID: "conflict",
  EQUITY_BELOW_PAID: "conflict",
  EQUITY_PAYMENT_ID_REUSED: "conflict",
}) {}

export class AccountError extends featureErrors({
  CARD_NOT_FOUND: "not_found",
  CARD_EXISTS: "conflict",
  CARD_BLOCKED: "conflict",
  CARD_EXPIRED: "conflict",
  CARD_KIND_MISMATCH: "invalid",
  OVER_BALANCE: "conflict",
  BELOW_MINIMUM: "invalid",
  NOTHING_TO_REDEEM: "invalid",
  NO_LOYALTY_PROGRAM: "conflict",
  REDEMPTION_NOT_FOUND: "not_found",
  REDEMPTION_ID_REUSED: "conflict",
  REDEMPTION_RELEASED: "conflict",
  REDEMPTION_COMMITTED: "conflict",
  ENTRY_KEY_REUSED: "conflict",
  BULK_TOO_LONG: "invalid",
  NO_HOUSE_ACCOUNT: "conflict",
  OVER_CREDIT_LIMIT: "conflict",
  OVERPAYMENT: "conflict",
  LIMIT_BELOW_OWED: "conflict",
  /** A return's points taken back before its sale's earning reached head office: send it again later. */
  EARNING_NOT_FOUND: "conflict",
}) {}

export type AccountErrorCode = AccountError["code"];
