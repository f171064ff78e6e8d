/**
 * `GET /stock/below-minimum?storeId=` at head office: each store's stock below its minimum, as
 * the store lists it (`../store/stock.ts`), with the store it belongs to.
 */
import { z } from "zod";
import { storeIdSchema } from "../../core/ids.ts";
import { belowMinimumRowSchema } from "../store/stock.ts";

export const hqBelowMinimumQuerySchema = z.object({
  /** One store; left out, every store. */
  storeId: storeIdSchema.optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
});

export const hqBelowMinimumRowSchema = belowMinimumRowSchema.extend({ storeId: z.string() });
export type HqBelowMinimumRow = z.infer<typeof hqBelowMinimumRowSchema>;
export const hqBelowMinimumAnswerSchema = z.object({ products: z.array(hqBelowMinimumRowSchema) });
