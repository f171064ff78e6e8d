/** The domain errors of the store's label scales, each code with its kind. Services never speak HTTP. */
import { featureErrors } from "../../core/errors.ts";

export class ScalesError extends featureErrors({
  SCALE_NOT_FOUND: "not_found",
  SCALE_PRICE_TOO_LONG: "invalid",
  SCALE_FIELD_TOO_LONG: "invalid",
  SCALE_UNREACHABLE: "unavailable",
  SCALE_GARBAGE: "unavailable",
  SCALES_UNAVAILABLE: "unavailable",
  SCALE_PRODUCT_NOT_FOUND: "not_found",
}) {}

export type ScalesErrorCode = ScalesError["code"];
