/**
 * The domain errors of head office's store templates: each code with its kind. The server's one
 * error handler maps a kind to an HTTP status; services never speak HTTP.
 */
import { featureErrors } from "../../core/errors.ts";

export class StoreTemplateError extends featureErrors({
  STORE_TEMPLATE_NOT_FOUND: "not_found",
  STORE_TEMPLATE_EXISTS: "conflict",
  TEMPLATE_UNKNOWN_PRODUCT: "invalid",
  TEMPLATE_UNKNOWN_USER: "invalid",
  TEMPLATE_UNKNOWN_STORE: "invalid",
  TEMPLATE_PRICE_OVER_LIMIT: "invalid",
}) {}

export type StoreTemplateErrorCode = StoreTemplateError["code"];
