/**
 * The domain errors of card tenders at the store (points and gift cards): each code with its
 * kind. Head office's refusals keep their code. The server's one error handler maps a kind to an
 * HTTP status; services never speak HTTP.
 */
import { featureErrors } from "../../core/errors.ts";

export class CardTenderError extends featureErrors({
  CARD_REQUIRED: "invalid",
  CARD_NOT_FOUND: "not_found",
  CARD_BLOCKED: "conflict",
  CARD_EXPIRED: "conflict",
  CARD_KIND_MISMATCH: "invalid",
  OVER_BALANCE: "conflict",
  BELOW_MINIMUM: "invalid",
  NOTHING_TO_REDEEM: "invalid",
  NO_LOYALTY_PROGRAM: "conflict",
  POINTS_VALUE_MISMATCH: "invalid",
  OFFLINE_ALLOWANCE_EXCEEDED: "conflict",
  POINTS_NEED_HQ: "unavailable",
  ACCOUNT_NEEDS_HQ: "unavailable",
  NO_HOUSE_ACCOUNT: "conflict",
  OVER_CREDIT_LIMIT: "conflict",
  HQ_REFUSED: "unavailable",
  REDEMPTION_NOT_FOUND: "not_found",
  REDEMPTION_COMMITTED: "conflict",
  CARD_EXISTS: "conflict",
}) {}

export type CardTenderErrorCode = CardTenderError["code"];

/** Head office's refusals a store passes on with the same code. */
export const PASSED_ON_CODES: ReadonlySet<string> = new Set([
  "CARD_NOT_FOUND",
  "CARD_BLOCKED",
  "CARD_EXPIRED",
  "CARD_KIND_MISMATCH",
  "OVER_BALANCE",
  "BELOW_MINIMUM",
  "NOTHING_TO_REDEEM",
  "NO_LOYALTY_PROGRAM",
  "CARD_EXISTS",
  "NO_HOUSE_ACCOUNT",
  "OVER_CREDIT_LIMIT",
]);
