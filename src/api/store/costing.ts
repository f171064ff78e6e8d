/** Shapes of the costing reports: stock valuation at a date and margin over a period. */
import { z } from "zod";
import { reportDaySchema } from "../../core/report-figures.ts";

export const valuationQuerySchema = z.object({ at: reportDaySchema });

export const MARGIN_GROUPS = ["product", "department", "category"] as const;

export const marginQuerySchema = z
  .object({ from: reportDaySchema, to: reportDaySchema, by: z.enum(MARGIN_GROUPS).default("product") })
  .refine((q) => q.from <= q.to, { path: ["to"], message: "must not be before from" });

const int = z.number().int();

export const valuationAnswerSchema = z.looseObject({
  at: z.string(),
  totalValueMinor: int,
  lines: z.array(z.looseObject({ code: z.string(), onHand: z.number(), valueMinor: int })),
});
export type ValuationReport = z.infer<typeof valuationAnswerSchema>;

export const marginAnswerSchema = z.looseObject({
  from: z.string(),
  to: z.string(),
  by: z.enum(MARGIN_GROUPS),
  rows: z.array(
    z.looseObject({
      /** Product code, department id or category; "" for none. */
      key: z.string(),
      qtySold: z.number(),
      netMinor: int,
      cogsMinor: int,
      marginMinor: int,
    }),
  ),
});
export type MarginReport = z.infer<typeof marginAnswerSchema>;
