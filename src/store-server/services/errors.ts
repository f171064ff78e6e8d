/**
 * The domain errors of the store's services, packages and bookings: each code with its kind. The
 * server's one error handler maps a kind to an HTTP status; services never speak HTTP.
 */
import { featureErrors } from "../../core/errors.ts";

export class ServicesError extends featureErrors({
  PRODUCT_NOT_FOUND: "not_found",
  SERVICE_NOT_FOUND: "not_found",
  STAFF_NOT_FOUND: "not_found",
  STAFF_NOT_QUALIFIED: "invalid",
  COMMISSION_RULE_ID_REUSED: "conflict",
  DEFINED_AT_HQ: "conflict",
  BOOKING_ID_REUSED: "conflict",
  BOOKING_OVERLAP: "conflict",
  BOOKING_NOT_FOUND: "not_found",
  BOOKING_STATUS_FINAL: "conflict",
  OUTSIDE_OPENING_HOURS: "invalid",
  PACKAGE_NOT_FOUND: "not_found",
  PACKAGE_USED_UP: "conflict",
  PACKAGE_OTHER_SERVICE: "invalid",
  PACKAGE_OTHER_CUSTOMER: "invalid",
  PACKAGE_NEEDS_CUSTOMER: "invalid",
}) {}

export type ServicesErrorCode = ServicesError["code"];
