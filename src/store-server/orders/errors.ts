/**
 * The domain errors of customer orders: each code with its kind. The server's one error handler
 * maps a kind to an HTTP status; services never speak HTTP.
 */
import { featureErrors } from "../../core/errors.ts";

export class OrderError extends featureErrors({
  ORDER_NOT_FOUND: "not_found",
  ORDER_ID_REUSED: "conflict",
  UNKNOWN_SITE: "invalid",
  UNKNOWN_TENDER: "invalid",
  OVER_RESERVATION: "conflict",
  ORDER_COLLECTED: "conflict",
  ORDER_CANCELLED: "conflict",
  BAD_TRANSITION: "conflict",
  ORDER_EMPTY: "invalid",
  BALANCE_PAID: "invalid",
  NO_SUCH_LINE: "invalid",
  PICKED_OVER_ORDERED: "invalid",
}) {}

export type OrderErrorCode = OrderError["code"];
