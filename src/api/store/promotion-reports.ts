/**
 * Shapes of the promotion reports (docs/promotions.md "Reports"), the same at the store and at
 * head office: each promotion's uses, discount and uplift over a period, and promo code usage.
 */
import { z } from "zod";

const instant = z.union([z.iso.date(), z.iso.datetime()], {
  error: "must be a date (YYYY-MM-DD, from midnight UTC) or an ISO 8601 UTC time",
});

export const promotionReportQuerySchema = z
  .object({ from: instant, to: instant })
  .refine((q) => q.from < q.to, { message: "from must be before to", path: ["to"] });

export const promotionReportAnswerSchema = z.object({
  from: z.string(),
  to: z.string(),
  /** The period just before, of the same length, the uplift compares with. */
  beforeFrom: z.string(),
  promotions: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      uses: z.number().int(),
      discountMinor: z.number().int(),
      salesMinor: z.number().int(),
      qtyMilli: z.number().int(),
      beforeSalesMinor: z.number().int(),
      beforeQtyMilli: z.number().int(),
      upliftPercent: z.string().nullable(),
    }),
  ),
});
export type PromotionReportAnswer = z.infer<typeof promotionReportAnswerSchema>;

/** A date or time of the query as an ISO instant (a date is its midnight UTC). */
export function instantOf(text: string): string {
  return new Date(text.length === 10 ? `${text}T00:00:00.000Z` : text).toISOString();
}
