/**
 * Shapes of the offline redemptions a store sends head office once it is reachable again, and
 * of head office's report of their overdrafts (what a card did not have when they arrived).
 */
import { z } from "zod";
import { storeIdSchema } from "../../core/ids.ts";
import { cardNumberSchema } from "./accounts.ts";

const int = z.number().int();
const str = z.string();

export const offlineRedemptionInputSchema = z
  .strictObject({
    /** The store's redemption id (`<saleId>:<tender index>`): a retry answers the same. */
    id: z.string().min(1).max(64),
    card: cardNumberSchema,
    storeId: storeIdSchema,
    saleId: z.string().min(1).max(64),
    points: z.number().int().min(1).optional(),
    amountMinor: z.number().int().min(1).optional(),
    /** When the store took it. */
    at: z.iso.datetime({ error: "must be an ISO 8601 UTC time" }),
  })
  .refine((r) => (r.points === undefined) !== (r.amountMinor === undefined), {
    message: "give points or amountMinor, not both",
  });
export type OfflineRedemptionInput = z.infer<typeof offlineRedemptionInputSchema>;

export const offlineRedemptionAnswerSchema = z.looseObject({
  id: str,
  card: str,
  unit: z.enum(["points", "money"]),
  asked: int,
  askedMinor: int,
  /** Taken off the card (a `redeem` entry, key `offline:<id>`). */
  debited: int,
  /** What the card did not have: asked − debited. */
  overdraft: int,
  overdraftMinor: int,
  storeId: str,
  saleId: str,
  at: str,
  receivedAt: str,
  /** True when this redemption had arrived before (nothing was taken again). */
  duplicate: z.boolean(),
});
export type OfflineRedemptionAnswer = z.infer<typeof offlineRedemptionAnswerSchema>;

export const offlineReportQuerySchema = z.object({
  from: z.iso.datetime({ error: "must be an ISO 8601 UTC time" }).optional(),
  to: z.iso.datetime({ error: "must be an ISO 8601 UTC time" }).optional(),
  /** Only the redemptions the card could not cover in full. */
  overdrawn: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional(),
});

export const offlineReportAnswerSchema = z.looseObject({
  redemptions: z.array(offlineRedemptionAnswerSchema.omit({ duplicate: true })),
  /** Sums over the redemptions listed. */
  askedMinor: int,
  overdraftMinor: int,
});
