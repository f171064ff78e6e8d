/** Shapes of the loss-prevention report (`GET /reports/loss-prevention`). Money in minor units. */
import { z } from "zod";
import { reportDaySchema } from "../../core/report-figures.ts";

export const LOSS_MEASURES = [
  "lineVoids",
  "voidedSales",
  "cancelledSales",
  "noSales",
  "returnsWithoutReceipt",
  "priceOverrides",
  "discounts",
] as const;
export type LossMeasure = (typeof LOSS_MEASURES)[number];

export const lossPreventionQuerySchema = z.strictObject({ from: reportDaySchema, to: reportDaySchema });

const measure = z.object({
  count: z.int().nonnegative(),
  /** Money involved: lines voided, sales voided or cancelled, refunds, price cut by overrides, discounts given. */
  amountMinor: z.int(),
  /** Per 100 sales of the cashier (of the store, in `store`). */
  per100Sales: z.number(),
});
const measures = z.object(
  Object.fromEntries(LOSS_MEASURES.map((m) => [m, measure])) as Record<LossMeasure, typeof measure>,
);

export const lossPreventionAnswerSchema = z.object({
  from: z.string(),
  to: z.string(),
  currency: z.string(),
  /** How outliers are found, in words. */
  rule: z.string(),
  store: z.object({ cashiers: z.int().nonnegative(), salesCount: z.int().nonnegative(), measures }),
  /** Outliers first (highest ratio first), then the others by name. */
  cashiers: z.array(
    z.object({
      cashierId: z.string().nullable(),
      name: z.string().nullable(),
      salesCount: z.int().nonnegative(),
      measures,
      /** Each measure's rate over the store's rate (1 = the store's average; 0 when the store has none). */
      ratios: z.object(
        Object.fromEntries(LOSS_MEASURES.map((m) => [m, z.number()])) as Record<LossMeasure, z.ZodNumber>,
      ),
      /** The measures where the cashier is an outlier. */
      flagged: z.array(z.enum(LOSS_MEASURES)),
      outlier: z.boolean(),
    }),
  ),
});
export type LossPreventionReport = z.infer<typeof lossPreventionAnswerSchema>;
