/** The domain errors of head office's services and commission rules: each code with its kind. */
import { featureErrors } from "../../core/errors.ts";

export class HqServicesError extends featureErrors({
  PRODUCT_NOT_FOUND: "not_found",
  SERVICE_NOT_FOUND: "not_found",
  CATEGORY_NOT_FOUND: "not_found",
  STAFF_NOT_FOUND: "not_found",
  COMMISSION_NEGATIVE: "invalid",
  COMMISSION_PERCENT_OVER_100: "invalid",
}) {}
