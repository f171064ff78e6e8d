/**
 * The domain errors of customer orders at head office: each code with its kind. The server's one
 * error handler maps a kind to an HTTP status; services never speak HTTP.
 */
import { featureErrors } from "../../core/errors.ts";

export class HqOrderError extends featureErrors({
  UNKNOWN_SITE: "invalid",
  UNKNOWN_CODE: "not_found",
  ORDER_ID_REUSED: "conflict",
  ORDER_NOT_FOUND: "not_found",
  ORDER_COLLECTED: "conflict",
  ORDER_CANCELLED: "conflict",
}) {}
