/**
 * Shapes of the promotions API (CONTRACT.md "Promotions and messages"), the same at head
 * office and at the store: the request is the core's promotion schema; answers are read leniently.
 */
import { z } from "zod";
import { appliedPromotionSchema, promotionSchema } from "../../core/promotions/index.ts";

export { promotionSchema as promotionInputSchema };

const rewardAnswerSchema = z.looseObject({
  kind: z.enum(["percent", "amount", "fixedPrice", "cheapest", "multibuy"]),
});

/** A promotion as kept: its definition, where it comes from, and whether it is in force. */
export const storedPromotionAnswerSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  code: z.string().optional(),
  reward: rewardAnswerSchema,
  priority: z.number().int().optional(),
  exclusive: z.boolean().optional(),
  source: z.enum(["hq", "store"]),
  active: z.boolean(),
  updatedAt: z.string(),
});
export type StoredPromotion = z.infer<typeof promotionSchema> & {
  source: "hq" | "store";
  active: boolean;
  updatedAt: string;
};

/** `GET /promotions` query: the inactive ones too with `all=true`. */
export const promotionsQuerySchema = z.object({ all: z.enum(["true", "false"]).optional() });

/**
 * The store's `GET /promotions` answer: the list, and a version of it (a digest of the list as
 * answered). Asked `since` the version the caller holds, the store answers the same version with
 * `unchanged: true` and no list when nothing changed, so a till's sync of thousands of promotions
 * every few seconds reads them only when they change.
 */
export const storePromotionsAnswerSchema = z.object({
  promotions: z.array(storedPromotionAnswerSchema),
  version: z.string().optional(),
  unchanged: z.literal(true).optional(),
});

export type StorePromotionsAnswer = z.infer<typeof storePromotionsAnswerSchema>;

export const storePromotionsQuerySchema = promotionsQuerySchema.extend({
  since: z.string().min(1).max(128).optional(),
});

/** What a quote or a sale says of each promotion that took something off it. */
export const appliedPromotionsAnswerSchema = z.array(appliedPromotionSchema.loose());
