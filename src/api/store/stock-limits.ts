/**
 * Shapes of a product's minimum and maximum stock per location (`POST /stock/limits`,
 * `GET /stock/limits`) and of the below-minimum list, location by location.
 */
import { z } from "zod";
import { MAX_QTY_MILLI } from "../../core/quantity.ts";
import type { BelowMinimumRow } from "./stock.ts";

const productCode = z.string().trim().min(1, "must not be empty").max(32, "must be at most 32 characters");
export const stockLocationSchema = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(40, "must be at most 40 characters");
const limit = z
  .number()
  .min(0, "must not be negative")
  .max(MAX_QTY_MILLI / 1000, "is absurd: at most 10,000 units");

/** Sets (or, with `min` and `max` null, clears) a product's limits at one location. */
export const stockLimitRequestSchema = z
  .strictObject({
    code: productCode,
    location: stockLocationSchema,
    /** Below it the location is listed to reorder; null (with `max` null) clears the limits. */
    min: limit.nullable(),
    /** Reorder up to it; null or left out: up to the minimum. */
    max: limit.nullable().default(null),
  })
  .superRefine((body, issues) => {
    if (body.min === null && body.max !== null) {
      issues.addIssue({ code: "custom", path: ["min"], message: "is required with a maximum" });
    }
  });
export type StockLimitRequest = z.infer<typeof stockLimitRequestSchema>;

export const stockLimitSchema = z.object({
  code: z.string(),
  location: z.string(),
  min: z.number(),
  minMilli: z.int(),
  max: z.number().nullable(),
  maxMilli: z.int().nullable(),
  userId: z.string().nullable(),
  updatedAt: z.string(),
});
export type StockLimit = z.infer<typeof stockLimitSchema>;

/** `POST /stock/limits`: the limits now (`limit` null: cleared). */
export const stockLimitAnswerSchema = z.object({
  code: z.string(),
  location: z.string(),
  limit: stockLimitSchema.nullable(),
});
export const stockLimitsQuerySchema = z.object({
  code: productCode.optional(),
  location: stockLocationSchema.optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
});
export const stockLimitsAnswerSchema = z.object({ limits: z.array(stockLimitSchema) });

/** A product's on hand at a location (null: the whole store) and its limits, in milli-units. */
export interface BelowMinimumLimits {
  code: string;
  name: string;
  location: string | null;
  onHandMilli: number;
  minMilli: number;
  maxMilli: number | null;
}

/** A row of the list from a product's on hand and limits (milli-units). */
export function belowMinimumRow(r: BelowMinimumLimits): BelowMinimumRow {
  const toOrderMilli = (r.maxMilli ?? r.minMilli) - r.onHandMilli;
  return {
    code: r.code,
    name: r.name,
    location: r.location,
    onHand: r.onHandMilli / 1000,
    onHandMilli: r.onHandMilli,
    min: r.minMilli / 1000,
    max: r.maxMilli === null ? null : r.maxMilli / 1000,
    toOrder: toOrderMilli / 1000,
    toOrderMilli,
  };
}
