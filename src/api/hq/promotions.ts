/**
 * Shapes of head office's promotions and categories API (CONTRACT.md "Promotions and
 * messages"): requests are the core's schemas, answers are read leniently.
 */
import { z } from "zod";

export { categoryInputSchema } from "../../core/catalog-stock.ts";
export { promotionSchema as promotionInputSchema } from "../../core/promotions/index.ts";
export { promotionsQuerySchema } from "../store/promotions.ts";

/** A chain promotion as kept: its definition and whether it is in force. */
export const hqPromotionAnswerSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  code: z.string().optional(),
  reward: z.looseObject({ kind: z.enum(["percent", "amount", "fixedPrice", "cheapest", "multibuy"]) }),
  priority: z.number().int().optional(),
  exclusive: z.boolean().optional(),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const hqPromotionsAnswerSchema = z.object({ promotions: z.array(hqPromotionAnswerSchema) });

export const hqCategoryAnswerSchema = z.object({
  id: z.string(),
  name: z.string(),
  parent: z.string().nullable(),
});
export const hqCategoriesAnswerSchema = z.object({ categories: z.array(hqCategoryAnswerSchema) });
