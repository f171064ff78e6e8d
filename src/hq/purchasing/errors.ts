/** Head office's purchasing errors: each code with its kind (the one error handler maps a kind to a status). */
import { featureErrors } from "../../core/errors.ts";

export class HqPurchasingError extends featureErrors({
  VENDOR_NOT_FOUND: "not_found",
  PURCHASE_ORDER_NOT_FOUND: "not_found",
  PURCHASE_ORDER_ID_REUSED: "conflict",
  COST_REQUIRED: "invalid",
  DUPLICATE_LINE: "invalid",
  FRACTIONAL_QUANTITY: "invalid",
  UNKNOWN_PRODUCT: "not_found",
  DISTRIBUTION_INVALID: "invalid",
}) {}
