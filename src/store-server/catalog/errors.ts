/**
 * The domain errors of the store's catalog: each code with its kind. The server's one error handler maps
 * a kind to an HTTP status; services never speak HTTP.
 */
import { featureErrors } from "../../core/errors.ts";

export class CatalogError extends featureErrors({
  INVALID_DEPOSIT_PRODUCT: "invalid",

  PRICE_TOO_HIGH: "invalid",
  UNKNOWN_CATEGORY: "invalid",
  UNKNOWN_CODE: "not_found",
  UNKNOWN_DEPOSIT_PRODUCT: "invalid",
  UNKNOWN_TAX_CLASS: "invalid",
}) {}

export type CatalogErrorCode = CatalogError["code"];
