/**
 * `GET /stock/sites?code=`: a product's stock here and at the chain's other sites (from head
 * office, when the store reaches it within a short deadline), for the till's price check.
 */
import { z } from "zod";

export const stockSitesQuerySchema = z.object({
  code: z.string().trim().min(1, "must not be empty").max(32, "must be at most 32 characters"),
});

export const stockSitesAnswerSchema = z.object({
  code: z.string(),
  here: z.object({ onHandMilli: z.int() }),
  /** Head office answered: `sites` lists the other stores with the product (else it is empty). */
  reachable: z.boolean(),
  sites: z.array(z.object({ storeId: z.string(), onHand: z.number(), onHandMilli: z.int() })),
});
export type StockSitesAnswer = z.infer<typeof stockSitesAnswerSchema>;
