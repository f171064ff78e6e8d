/**
 * The domain errors of the store's returns: each code with its kind. The server's one error handler maps
 * a kind to an HTTP status; services never speak HTTP.
 */
import { featureErrors } from "../../core/errors.ts";

export class ReturnError extends featureErrors({
  APPROVAL_REQUIRED: "forbidden",
  CURRENCY_MISMATCH: "conflict",
  FORBIDDEN: "forbidden",
  FRACTIONAL_QUANTITY: "invalid",
  IDENTITY_MISMATCH: "forbidden",
  INVALID_REQUEST: "invalid",
  LINE_NO_WITHOUT_RECEIPT: "invalid",
  NOT_ON_SALE: "invalid",
  PRICE_FROM_RECEIPT: "invalid",
  RECEIPT_MISMATCH: "invalid",
  REFUND_TENDER_MISMATCH: "invalid",
  RETURN_EXCEEDS_SOLD: "conflict",
  RETURN_NOT_FOUND: "not_found",
  SALE_HAS_RETURNS: "conflict",
  SALE_NOT_FOUND: "not_found",
  SALE_VOIDED: "conflict",
  SHIFT_CLOSED: "conflict",
}) {}

export type ReturnErrorCode = ReturnError["code"];
