/**
 * The domain errors of the store's customer reads: each code with its kind. The server's one
 * error handler maps a kind to an HTTP status; services never speak HTTP.
 */
import { featureErrors } from "../../core/errors.ts";

export class StoreCustomerError extends featureErrors({
  CARD_NOT_FOUND: "not_found",
  CARD_EXISTS: "conflict",
  CUSTOMER_NOT_FOUND: "not_found",
}) {}
