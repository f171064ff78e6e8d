/**
 * Shapes of the label scales at head office: `GET /stores/:id/scales` (one store's scales as it
 * last reported them) and `GET /scales` (every store's).
 */
import { z } from "zod";
import { scaleHealthFields } from "../../core/scales/health.ts";

export const hqScaleHealthSchema = z.strictObject({
  storeId: z.string(),
  /** The scale's id in the store's `[[scales]]`. */
  id: z.string(),
  ...scaleHealthFields,
  /** When the store saw the scale so. */
  reportedAt: z.string(),
});
export type HqScaleHealth = z.infer<typeof hqScaleHealthSchema>;

export const storeScalesAnswerSchema = z.strictObject({
  storeId: z.string(),
  scales: z.array(hqScaleHealthSchema),
});

export const chainScalesAnswerSchema = z.strictObject({ scales: z.array(hqScaleHealthSchema) });
