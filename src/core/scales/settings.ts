/** The store's label scales (`[[scales]]`): where each is, its protocol, the departments it sells. */
import { z } from "zod";

export const SCALE_PROTOCOLS = ["ringup"] as const;

export const scaleConfigSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, "1–32 letters, digits, - or _"),
  uri: z.string().min(1).max(200),
  protocol: z.enum(SCALE_PROTOCOLS, { error: `must be ${SCALE_PROTOCOLS.join(", ")}` }),
  /** The departments whose weighed goods the scale sells; all weighed goods when absent. */
  departments: z.array(z.string().min(1).max(64)).min(1).max(100).optional(),
});

export const scalesSettingsSchema = z
  .array(scaleConfigSchema)
  .max(50)
  .default([])
  .refine((scales) => new Set(scales.map((s) => s.id)).size === scales.length, "scale ids must be unique");

export type ScaleConfig = z.infer<typeof scaleConfigSchema>;
