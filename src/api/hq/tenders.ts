/**
 * Shapes of the custom tenders API (docs/customers.md "Custom tenders"), at head office and at
 * the store: the request is the core's schema; the answer is the tender with its defaults filled.
 */
import { z } from "zod";
import { customTenderIdSchema } from "../../core/custom-tenders.ts";

export { customTenderSchema as customTenderInputSchema } from "../../core/custom-tenders.ts";

export const customTenderAnswerSchema = z.strictObject({
  id: customTenderIdSchema,
  name: z.string(),
  changeAllowed: z.boolean(),
  maxPerSaleMinor: z.number().int().positive().optional(),
  opensDrawer: z.boolean(),
  active: z.boolean(),
});
export type CustomTenderAnswer = z.infer<typeof customTenderAnswerSchema>;
export const customTendersAnswerSchema = z.object({ tenders: z.array(customTenderAnswerSchema) });
export const customTendersQuerySchema = z.object({ all: z.enum(["true", "false"]).optional() });
