/**
 * The domain errors of forecasting and replenishment: each code with its kind. The server's one
 * error handler maps a kind to an HTTP status; services never speak HTTP.
 */
import { featureErrors } from "../../core/errors.ts";

export class ReplenishmentError extends featureErrors({
  FORECAST_PRODUCT_UNKNOWN: "not_found",
  VENDOR_NOT_FOUND: "not_found",
}) {}
