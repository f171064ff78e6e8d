/** Shapes of the forecast, the suggested order and the stock optimisation report (docs/replenishment.md). */
import { z } from "zod";
import { reportDaySchema } from "../../core/report-figures.ts";

/** Most days one forecast may cover. */
export const MAX_FORECAST_DAYS = 366;

export const forecastQuerySchema = z.strictObject({
  code: z.string().min(1).max(64),
  days: z.coerce
    .number({ error: "must be a whole number of days" })
    .int({ error: "must be a whole number of days" })
    .min(1, { error: "must be at least 1" })
    .max(MAX_FORECAST_DAYS, { error: `must be at most ${MAX_FORECAST_DAYS}` })
    .default(7),
  /** The first forecast day; the history read ends the day before. Default: today (the store's business day). */
  from: reportDaySchema.optional(),
});

export const suggestedOrderQuerySchema = z.strictObject({
  vendorId: z.string().min(1).max(64).optional(),
});

const qty = z.number();
const int = z.number().int();

export const forecastAnswerSchema = z.looseObject({
  code: z.string(),
  /** Expected units sold per day. */
  days: z.array(z.looseObject({ date: z.string(), qty })),
  /** How the forecast was made: "smoothing", "intermittent" (SBA), or "none" (no history). */
  method: z.string(),
  /** Standard deviation of one day's forecast error, in units. */
  sigma: qty,
});
export type ForecastAnswer = z.infer<typeof forecastAnswerSchema>;

export const suggestedOrderLineSchema = z.looseObject({
  code: z.string(),
  onHand: qty,
  /** Expected units sold over the lead time and the review period. */
  forecastQty: qty,
  reorderPoint: qty,
  orderUpTo: qty,
  safetyStock: qty,
  /** Units to order: whole cases, at least the minimum order. */
  orderQty: qty,
  leadTimeDays: int,
  caseSize: qty,
});
export const suggestedOrderAnswerSchema = z.looseObject({
  vendorId: z.string().nullable(),
  /** The first day the forecast covers. */
  from: z.string(),
  lines: z.array(suggestedOrderLineSchema),
});
export type SuggestedOrder = z.infer<typeof suggestedOrderAnswerSchema>;
export type SuggestedOrderLine = z.infer<typeof suggestedOrderLineSchema>;

export const STOCK_STATUSES = ["ok", "overstock", "dead", "stockout_risk", "out_of_stock"] as const;

export const stockOptimisationAnswerSchema = z.looseObject({
  at: z.string(),
  totals: z.looseObject({
    /** Value of all stock on hand, by the store's costing method. */
    capitalMinor: int,
    overstockValueMinor: int,
    deadStockValueMinor: int,
    stockOutRiskCount: int,
  }),
  lines: z.array(
    z.looseObject({
      code: z.string(),
      onHand: qty,
      valueMinor: int,
      /** Forecast units sold per day (mean over the review period). */
      dailyDemand: qty,
      /** Days the stock lasts at that demand; null when nothing is expected to sell. */
      daysOfCover: z.number().nullable(),
      /** The last business day it sold; null: not within the history read. */
      lastSold: z.string().nullable(),
      reorderPoint: qty,
      /** Value of the stock beyond `overstockDays` of demand (all of it for dead stock). */
      excessValueMinor: int,
      status: z.enum(STOCK_STATUSES),
    }),
  ),
});
export type StockOptimisationReport = z.infer<typeof stockOptimisationAnswerSchema>;
