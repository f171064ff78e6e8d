/**
 * Version 1 payload of `scale.health_reported`: a label scale's health as its store saw it (after
 * a sync, or when it was asked and the answer changed), so head office shows every store's scales.
 */
import { z } from "zod";
import { utcTimestamp } from "./fields.ts";

export const scaleHealthReportedV1 = z.strictObject({
  /** The scale's id in the store's `[[scales]]`. */
  scaleId: z.string().min(1).max(32),
  protocol: z.string().min(1).max(32),
  /** Whether the scale answered its status request. */
  reachable: z.boolean(),
  /** The scale's own word for its state, when it answered. */
  state: z.string().max(64).nullable(),
  lastSyncAt: utcTimestamp.nullable(),
  plusSent: z.int().nonnegative(),
  plusTotal: z.int().nonnegative(),
  /** "partial": a sync stopped halfway; the next one sends the rest. */
  programming: z.enum(["none", "partial", "complete"]),
  error: z.strictObject({ code: z.string().min(1).max(64), message: z.string().max(500) }).nullable(),
  at: utcTimestamp,
});
