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

export const promotionsAnswerSchema = z.object({ promotions: z.array(storedPromotionAnswerSchema) });

/** `GET /promotions` query: the inactive ones too with `all=true`. */
export const promotionsQuerySchema = z.object({ all: z.enum(["true", "false"]).optional() });

/** What a quote or a sale says of each promotion that took something off it. */
export const appliedPromotionsAnswerSchema = z.array(appliedPromotionSchema.loose());
