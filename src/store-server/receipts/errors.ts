/**
 * The domain errors of the store's receipts: each code with its kind. The server's one error handler maps
 * a kind to an HTTP status; services never speak HTTP.
 */
import { featureErrors } from "../../core/errors.ts";

export class ReceiptError extends featureErrors({
  RECEIPT_NOT_FOUND: "not_found",
  SALE_NOT_FOUND: "not_found",
}) {}

export type ReceiptErrorCode = ReceiptError["code"];
