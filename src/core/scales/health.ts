/**
 * What a label scale's health says, wherever it is shown: at the store (`GET /scales`) and at
 * head office (`GET /stores/:id/scales`), each adding where the scale is.
 */
import { z } from "zod";

export const scaleHealthFields = {
  protocol: z.string(),
  /** Whether the scale answered its status request. */
  reachable: z.boolean(),
  /** The scale's own word for its state, when it answered. */
  state: z.string().nullable(),
  lastSyncAt: z.string().nullable(),
  plusSent: z.number().int().nonnegative(),
  plusTotal: z.number().int().nonnegative(),
  /** "partial": a sync stopped halfway; the next one sends the rest. */
  programming: z.enum(["none", "partial", "complete"]),
  error: z.strictObject({ code: z.string(), message: z.string() }).nullable(),
};
