/**
 * Shapes of the label scales at head office: `GET /stores/:id/scales` (one store's scales as it
 * last reported them) and `GET /scales` (every store's).
 */
import { z } from "zod";

export const hqScaleHealthSchema = z.strictObject({
  storeId: z.string(),
  /** The scale's id in the store's `[[scales]]`. */
  id: z.string(),
  protocol: z.string(),
  /** Whether the scale answered its status request when the store last looked. */
  reachable: z.boolean(),
  state: z.string().nullable(),
  lastSyncAt: z.string().nullable(),
  plusSent: z.number().int().nonnegative(),
  plusTotal: z.number().int().nonnegative(),
  /** "partial": a sync stopped halfway; the store's next sync sends the rest. */
  programming: z.enum(["none", "partial", "complete"]),
  error: z.strictObject({ code: z.string(), message: z.string() }).nullable(),
  /** When the store saw the scale so. */
  reportedAt: z.string(),
});
export type HqScaleHealth = z.infer<typeof hqScaleHealthSchema>;

export const storeScalesAnswerSchema = z.strictObject({
  storeId: z.string(),
  scales: z.array(hqScaleHealthSchema),
});

export const chainScalesAnswerSchema = z.strictObject({ scales: z.array(hqScaleHealthSchema) });
