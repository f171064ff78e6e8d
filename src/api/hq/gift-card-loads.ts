/**
 * Shapes of `POST /accounts/gift-card-loads` (docs/customers.md "Gift cards sold at the
 * till"): a store sends the money a sale's gift card line put on a card, once per line.
 */
import { z } from "zod";
import { storeIdSchema } from "../../core/ids.ts";
import { cardNumberSchema } from "./accounts.ts";

export const giftCardLoadInputSchema = z.strictObject({
  /**
   * `<saleId>:<lineNo>`: a line loads once; a take-back's id names its void or return and the
   * attempt (`void:<saleId>:<lineNo>:<attempt>`).
   */
  id: z.string().min(1).max(200),
  card: cardNumberSchema,
  storeId: storeIdSchema,
  saleId: z.string().min(1).max(64),
  amountMinor: z
    .number()
    .int("must be whole minor units")
    .min(1, "must be more than zero")
    .max(100_000_000, "must be at most 100000000"),
  /**
   * Takes a load back (a void or return of the line): `amountMinor` comes off the card, never
   * below what is left of it less what redemptions hold (409 OVER_BALANCE: the card was spent).
   */
  takeBack: z.boolean().optional(),
});
export type GiftCardLoadInput = z.infer<typeof giftCardLoadInputSchema>;

export const giftCardLoadAnswerSchema = z.strictObject({
  id: z.string(),
  /** The card loaded: the one named, or the card that replaced it. */
  card: z.string(),
  /** Signed: negative when a load was taken back. */
  amountMinor: z.number().int(),
  /** The card's money balance after the load. */
  balanceMinor: z.number().int(),
  /** True when this load had arrived before (nothing was added again). */
  duplicate: z.boolean(),
});
export type GiftCardLoadAnswer = z.infer<typeof giftCardLoadAnswerSchema>;
