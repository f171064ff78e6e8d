/**
 * Shapes of the store's promo-code check (docs/promotions.md "Codes and their limits"): a till
 * asks, when the cashier enters a code, whether the sale may use it now; nothing is counted until
 * the sale is recorded.
 */
import { z } from "zod";
import { promoCodeSchema } from "../../core/promotions/index.ts";

export const promoCodeCheckInputSchema = z.strictObject({
  code: promoCodeSchema,
  /** The sale the code is for (its uses are counted once per sale). */
  saleId: z.uuid("must be the sale's id (a UUID)"),
  /** The customer's card on the sale, for codes limited per customer. */
  card: z.string().min(1).max(40).optional(),
});
export type PromoCodeCheckInput = z.infer<typeof promoCodeCheckInputSchema>;

export const promoCodeCheckAnswerSchema = z.object({
  /** The code, upper case. */
  code: z.string(),
  /** The promotions in force with the code. */
  promotions: z.array(z.object({ id: z.string(), name: z.string() })),
  /**
   * How its uses are counted: `hq` (head office said it is free), `store` (the store's own code,
   * or head office unreachable and the code multi-use: counted later), `none` (not limited).
   */
  countedBy: z.enum(["hq", "store", "none"]),
});
export type PromoCodeCheckAnswer = z.infer<typeof promoCodeCheckAnswerSchema>;
