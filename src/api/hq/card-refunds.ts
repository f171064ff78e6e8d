/**
 * Shapes of a refund credited back to the card a sale's tender redeemed from: a store sends one
 * per card tender of a return (points back for points, money back for a gift card).
 */
import { z } from "zod";
import { storeIdSchema } from "../../core/ids.ts";
import { cardNumberSchema } from "./accounts.ts";

export const cardRefundInputSchema = z
  .strictObject({
    /** The store's refund id (`<returnId>:<tender index>…`): a retry answers the same. */
    id: z.string().min(1).max(100),
    card: cardNumberSchema,
    storeId: storeIdSchema,
    returnId: z.string().min(1).max(64),
    /** The sale the return refunds. */
    saleId: z.string().min(1).max(64),
    points: z.number().int().min(1).optional(),
    amountMinor: z.number().int().min(1).optional(),
    /** `account`: the amount goes back to the house account of the card's customer. */
    unit: z.enum(["account"]).optional(),
  })
  .refine((r) => (r.points === undefined) !== (r.amountMinor === undefined), {
    message: "give points or amountMinor, not both",
  })
  .refine((r) => r.unit === undefined || r.points === undefined, {
    message: "a house account is refunded amountMinor, not points",
  });
export type CardRefundInput = z.infer<typeof cardRefundInputSchema>;

export const cardRefundAnswerSchema = z.looseObject({
  id: z.string(),
  /** The card credited: the one named, or the card that replaced it. */
  card: z.string(),
  unit: z.enum(["points", "money", "account"]),
  amount: z.number().int(),
  /** The card's balance in that unit after the credit. */
  balance: z.number().int(),
  /** True when this refund had arrived before (nothing was added again). */
  duplicate: z.boolean(),
});
export type CardRefundAnswer = z.infer<typeof cardRefundAnswerSchema>;
