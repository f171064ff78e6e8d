/**
 * Shapes of the label scales: `GET /scales` (each scale's health: reachable, last sync, PLUs
 * programmed of how many, the last error) and `POST /scales/sync` (send each scale the weighed
 * goods of its departments that it does not hold yet, or one scale's with `scale`).
 */
import { z } from "zod";
import { scaleHealthFields } from "../../core/scales/health.ts";

export type { ScaleConfig } from "../../core/scales/settings.ts";

export const scaleHealthSchema = z.strictObject({
  id: z.string(),
  uri: z.string(),
  ...scaleHealthFields,
});
export type ScaleHealth = z.infer<typeof scaleHealthSchema>;

export const scalesAnswerSchema = z.strictObject({ scales: z.array(scaleHealthSchema) });

export const scaleSyncRequestSchema = z.strictObject({
  scale: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,32}$/, "must be a scale id from [[scales]]")
    .optional(),
});
export type ScaleSyncRequest = z.infer<typeof scaleSyncRequestSchema>;

export const scaleSyncAnswerSchema = z.strictObject({
  scale: z.string(),
  /** PLUs sent by this sync (only those the scale did not hold as they are now). */
  sent: z.number().int().nonnegative(),
  /** The scale's PLUs in all. */
  total: z.number().int().nonnegative(),
});
export type ScaleSyncAnswer = z.infer<typeof scaleSyncAnswerSchema>;

export const scalesSyncAnswerSchema = z.strictObject({ synced: z.array(scaleSyncAnswerSchema) });

export const scaleTotalsAnswerSchema = z.strictObject({
  scale: z.string(),
  /** What the scale has sold since its totals were last cleared, per PLU. */
  totals: z.array(
    z.strictObject({
      pluNo: z.number().int().positive(),
      /** The product the PLU number stands for, when the catalog has it. */
      code: z.string().nullable(),
      weightMilli: z.number().int().nonnegative(),
      amountMinor: z.number().int().nonnegative(),
      labels: z.number().int().nonnegative(),
    }),
  ),
});
export type ScaleTotalsAnswer = z.infer<typeof scaleTotalsAnswerSchema>;

/** `PUT /scales/products/:code`: the tare and shelf life a label scale prints for a weighed product. */
export const scaleProductDetailsSchema = z.strictObject({
  /** Tare in grams (the packaging weighed with the goods). */
  tareGrams: z.int().min(0).max(99_999),
  /** Shelf life in days (0: none printed). */
  shelfLifeDays: z.int().min(0).max(9_999),
});
export type ScaleProductDetails = z.infer<typeof scaleProductDetailsSchema>;

export const scaleProductDetailsAnswerSchema = scaleProductDetailsSchema.extend({ code: z.string() });
export type ScaleProductDetailsAnswer = z.infer<typeof scaleProductDetailsAnswerSchema>;
