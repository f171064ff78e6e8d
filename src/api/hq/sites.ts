/** `GET /sites` at head office: the chain's stores, which a store names as a transfer's destination. */
import { z } from "zod";

export const sitesAnswerSchema = z.object({
  sites: z.array(z.object({ storeId: z.string(), name: z.string() })),
});
export type SitesAnswer = z.infer<typeof sitesAnswerSchema>;
