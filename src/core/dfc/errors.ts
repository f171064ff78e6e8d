/** What is wrong with a DFC document a hub sent: each code with its kind. */
import { featureErrors } from "../errors.ts";

export class DfcError extends featureErrors({
  DFC_NO_ORDER: "invalid",
  DFC_TOO_MANY_ORDERS: "invalid",
  DFC_ORDER_WITHOUT_LINES: "invalid",
  DFC_LINE_WITHOUT_OFFER: "invalid",
  DFC_UNKNOWN_OFFER: "invalid",
  DFC_BAD_QUANTITY: "invalid",
  DFC_BAD_PRICE: "invalid",
  DFC_CURRENCY_MISMATCH: "invalid",
  DFC_PRODUCT_NOT_FOUND: "not_found",
}) {}
