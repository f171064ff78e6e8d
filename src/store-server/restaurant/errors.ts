/**
 * The domain errors of the restaurant mode: each code with its kind. The server's one error
 * handler maps a kind to an HTTP status; services never speak HTTP.
 */
import { featureErrors } from "../../core/errors.ts";

export class RestaurantError extends featureErrors({
  RESTAURANT_MODE_OFF: "conflict",
  UNKNOWN_TABLE: "invalid",
  UNKNOWN_WAITER: "invalid",
  UNKNOWN_PRODUCT: "invalid",
  TABLE_OCCUPIED: "conflict",
  TABLE_ORDER_NOT_FOUND: "not_found",
  TABLE_ORDER_CLOSED: "conflict",
  TABLE_ORDER_ID_REUSED: "conflict",
  WAITER_REQUIRED: "forbidden",
  NOTHING_TO_SEND: "conflict",
  NOTHING_TO_SPLIT: "conflict",
  CHECK_NOT_FOUND: "not_found",
  CHECK_PAID: "conflict",
  CHECK_TENDERS_MISMATCH: "invalid",
  MERGE_INVALID: "invalid",
  UNKNOWN_LINE: "invalid",
}) {}

export type RestaurantErrorCode = RestaurantError["code"];
