/**
 * The domain errors of the store's users: each code with its kind. The server's one error handler maps
 * a kind to an HTTP status; services never speak HTTP.
 */
import { featureErrors } from "../../core/errors.ts";

export class UserError extends featureErrors({
  APPROVAL_EXPIRED: "forbidden",
  APPROVAL_MISMATCH: "forbidden",
  APPROVAL_NOT_FOUND: "not_found",
  APPROVAL_USED: "conflict",
  CANNOT_DEACTIVATE_SELF: "conflict",
  NOT_AN_APPROVER: "forbidden",
  NOT_A_SESSION: "invalid",
  NOT_LOCKED: "not_found",
  NO_STAFF_DISCOUNT: "invalid",
  PIN_CHOICE_LOCKED: "forbidden",
  PIN_LOCKED: "forbidden",
  PIN_RATE_LIMITED: "rate_limited",
  PIN_REFUSED: "conflict",
  PIN_TAKEN: "conflict",
  ROLE_TOO_HIGH: "forbidden",
  TILL_NOT_PAIRED: "forbidden",
  UNAUTHORIZED: "unauthorized",
  USERS_MANAGED_AT_HQ: "conflict",
  USER_NOT_FOUND: "not_found",
  WRONG_PIN: "unauthorized",
  WRONG_TILL: "forbidden",
}) {}

export type UserErrorCode = UserError["code"];
