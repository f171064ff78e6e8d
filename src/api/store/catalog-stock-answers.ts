/** Answers of the catalog's stock routes: categories and variants (read leniently, see routes.ts). */
import { z } from "zod";
import { productAnswerSchema } from "./admin-answers.ts";

export const categoryAnswerSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  parent: z.string().nullable(),
});
export const categoriesAnswerSchema = z.object({ categories: z.array(categoryAnswerSchema) });

export const variantsAnswerSchema = z.object({
  code: z.string(),
  variants: z.array(
    productAnswerSchema.extend({
      variantOf: z.string().nullable(),
      variant: z.record(z.string(), z.string()).nullable(),
    }),
  ),
});
