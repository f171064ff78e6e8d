/**
 * The domain errors of the store's stock: each code with its kind. The server's one error handler maps
 * a kind to an HTTP status; services never speak HTTP.
 */
import { featureErrors } from "../../core/errors.ts";

export class StockError extends featureErrors({
  ADJUSTMENT_ID_REUSED: "conflict",
  DUPLICATE_LINE: "invalid",
  FRACTIONAL_QUANTITY: "invalid",
  INVALID_QUANTITY: "invalid",
  STOCK_DOCUMENT_ID_REUSED: "conflict",
  STOCK_DOCUMENT_NOT_FOUND: "not_found",
  STOCK_DOCUMENT_POSTED: "conflict",
  UNIT_COST_REQUIRED: "invalid",
  COST_OVER_LIMIT: "invalid",
  REASON_REQUIRED: "invalid",
  DESTINATION_REQUIRED: "invalid",
  TRANSFER_REQUIRED: "invalid",
  TRANSFER_NOT_FOUND: "not_found",
  TRANSFER_ALREADY_RECEIVED: "conflict",
  APPROVAL_REQUIRED: "forbidden",
  COUNTED_AT_IN_FUTURE: "invalid",
  TRANSFER_TO_SELF: "invalid",
  UNKNOWN_STORE: "invalid",
  UNKNOWN_DEPARTMENT: "invalid",
  UNKNOWN_CATEGORY: "invalid",
}) {}

export type StockErrorCode = StockError["code"];
