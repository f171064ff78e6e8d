/** The domain errors of gift cards sold at the till (taking a load back). */
import { featureErrors } from "../../core/errors.ts";

export class GiftCardError extends featureErrors({
  /** The card was spent since it was loaded: the load cannot be taken back. */
  GIFT_CARD_SPENT: "conflict",
  /** Taking a load back needs head office (what is left on the card is known there only). */
  GIFT_CARD_NEEDS_HQ: "unavailable",
}) {}
