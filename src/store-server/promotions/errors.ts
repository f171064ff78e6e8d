/** The domain errors of the store's promotions (beyond the core's rules): each code with its kind. */
import { featureErrors } from "../../core/errors.ts";

export class StorePromotionError extends featureErrors({
  PROMOTION_FROM_HQ: "conflict",
  PROMOTION_NOT_FOUND: "not_found",
  PRIZE_CODE_INVALID: "invalid",
  MESSAGE_FROM_HQ: "conflict",
  MESSAGE_NOT_FOUND: "not_found",
}) {}
