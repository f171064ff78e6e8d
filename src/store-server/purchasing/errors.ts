/**
 * The domain errors of purchasing: each code with its kind. The server's one error handler maps
 * a kind to an HTTP status; services never speak HTTP.
 */
import { featureErrors } from "../../core/errors.ts";

export class PurchasingError extends featureErrors({
  VENDOR_NOT_FOUND: "not_found",
  VENDOR_ID_REUSED: "conflict",
  VENDOR_INACTIVE: "conflict",
  VENDOR_ITEM_NOT_FOUND: "not_found",
  IMPORT_INVALID: "invalid",
  PURCHASE_ORDER_NOT_FOUND: "not_found",
  PURCHASE_ORDER_ID_REUSED: "conflict",
  PURCHASE_ORDER_CLOSED: "conflict",
  STATUS_CHANGE_REFUSED: "conflict",
  COST_REQUIRED: "invalid",
  COST_OVER_LIMIT: "invalid",
  DUPLICATE_LINE: "invalid",
  FRACTIONAL_QUANTITY: "invalid",
  NOT_ON_ORDER: "invalid",
  RECEIPT_OVER_LIMIT: "invalid",
  NOTHING_TO_RECEIVE: "invalid",
  RECEIPT_ID_REUSED: "conflict",
  RECEIPT_NOT_FOUND: "not_found",
  CREDIT_NOT_RECEIVED: "invalid",
  CREDIT_OVER_RECEIVED: "invalid",
  CREDIT_ID_REUSED: "conflict",
  CREDIT_NOT_FOUND: "not_found",
  CREDIT_SETTLED: "conflict",
}) {}

export type PurchasingErrorCode = PurchasingError["code"];
