/**
 * Shapes of `POST /accounts/earning-reversals` (docs/customers.md "Points taken back on a
 * return"): a store asks head office to take back, once per return, the share of a sale's
 * earned points that the return refunds.
 */
import { z } from "zod";
import { storeIdSchema } from "../../core/ids.ts";

const minor = z.number().int("must be whole minor units").min(0, "must not be negative").max(10_000_000_000);

export const earningReversalInputSchema = z.strictObject({
  /** The return's id: a return takes back once. */
  returnId: z.string().min(1).max(64),
  storeId: storeIdSchema,
  /** The sale that earned. */
  saleId: z.string().min(1).max(64),
  /** The sale's total, what the refunds are a share of. */
  saleTotalMinor: minor.refine((n) => n > 0, "must be more than zero"),
  /** What earlier returns of the sale refunded. */
  refundedBeforeMinor: minor,
  /** What this return refunds. */
  refundMinor: minor,
});
export type EarningReversalInput = z.infer<typeof earningReversalInputSchema>;

export const earningReversalAnswerSchema = z.strictObject({
  returnId: z.string(),
  card: z.string(),
  /** Points due back: the return's share of what the sale earned. */
  duePoints: z.number().int(),
  /** Points taken off the card (never more than it has available). */
  points: z.number().int(),
  /** Due but no longer on the card (already spent): recorded, not taken. */
  shortfallPoints: z.number().int(),
  balance: z.number().int(),
  duplicate: z.boolean(),
});
export type EarningReversalAnswer = z.infer<typeof earningReversalAnswerSchema>;
