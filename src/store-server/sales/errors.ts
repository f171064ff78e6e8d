/**
 * The domain errors of the store's sales: each code with its kind. The server's one error handler maps
 * a kind to an HTTP status; services never speak HTTP.
 */
import { featureErrors } from "../../core/errors.ts";

export class SaleError extends featureErrors({
  APPROVAL_UNPROVEN: "forbidden",
  /** A price override by a role without `price_override`, and nobody's approval of it. */
  APPROVAL_REQUIRED: "forbidden",
  /** A discount above the cashier's role maximum, and nobody's approval allowing that much. */
  DISCOUNT_OVER_LIMIT: "forbidden",
  /** A sale from a till or cashier in training (core/training.ts): never recorded as a sale. */
  TRAINING_SALE: "conflict",
  FRACTIONAL_QUANTITY: "invalid",
  IDENTITY_MISMATCH: "forbidden",
  INVALID_RECEIPT_NO: "invalid",
  NOT_A_TILL: "forbidden",
  PRICE_REQUIRED: "invalid",
  PRICE_TOO_HIGH: "invalid",
  PRODUCT_INACTIVE: "invalid",
  RECEIPT_NO_TAKEN: "conflict",
  SALE_COMPLETED: "conflict",
  SALE_DATE_INVALID: "invalid",
  SALE_ID_CONFLICT: "conflict",
  SALE_INCONSISTENT: "invalid",
  SALE_NOT_FOUND: "not_found",
  TILL_REQUIRED: "invalid",
  WEIGHT_REQUIRED: "invalid",
  INVALID_DEPOSIT_RETURN: "invalid",
  INVALID_QUANTITY: "invalid",
  SERIAL_SOLD: "conflict",
}) {}

export type SaleErrorCode = SaleError["code"];
