/**
 * The domain errors of the store's deliveries: each code with its kind. The server's one error
 * handler maps a kind to an HTTP status; services never speak HTTP.
 */
import { featureErrors } from "../../core/errors.ts";

export class DeliveryError extends featureErrors({
  DELIVERY_NOT_FOUND: "not_found",
  DELIVERY_ID_REUSED: "conflict",
  ORDER_NOT_FOUND: "not_found",
  ORDER_CANCELLED: "conflict",
  SALE_NOT_FOUND: "not_found",
  SALE_VOIDED: "conflict",
  ALREADY_DELIVERING: "conflict",
  COURIER_NOT_FOUND: "not_found",
  NOT_A_COURIER: "conflict",
  DELIVERY_UNDER_WAY: "conflict",
  STATUS_BACKWARDS: "conflict",
  NO_COURIER: "conflict",
  NOT_YOUR_DELIVERY: "forbidden",
  NOT_ALLOWED: "forbidden",
  NOT_HANDED_IN: "conflict",
  HAND_IN_AMOUNT_MISMATCH: "conflict",
  DELIVERY_FEE_NEEDS_PRODUCT: "conflict",
  DELIVERY_FEE_PRODUCT_UNKNOWN: "conflict",
}) {}

export type DeliveryErrorCode = DeliveryError["code"];
