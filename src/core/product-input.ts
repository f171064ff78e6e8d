/**
 * The body of `POST /products` on the store and at head office (CONTRACT.md): one zod schema
 * for both, the type inferred from it.
 */
import { z } from "zod";

export const productCodeSchema = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(32, "must be at most 32 characters")
  .regex(/^[A-Za-z0-9._/-]+$/, "may hold only letters, digits and . _ / -");

export const productInputSchema = z.strictObject({
  code: productCodeSchema,
  name: z.string().trim().min(1, "must not be empty").max(60, "must be at most 60 characters"),
  barcodes: z
    .array(
      z
        .string()
        .trim()
        .regex(/^\d{6,14}$/, "must be 6 to 14 digits"),
    )
    .max(20)
    .optional(),
  priceMinor: z.number().int("must be a whole number of minor units").min(0, "must not be negative"),
  taxClass: z.string().max(16).nullable().optional(),
  department: z.string().max(16).nullable().optional(),
  soldByWeight: z.boolean().optional(),
  openPrice: z.boolean().optional(),
  costMinor: z.number().int().min(0).nullable().optional(),
  unit: z.enum(["each", "kg", "lb", "l"]).optional(),
  active: z.boolean().optional(),
});
export type ProductInput = z.infer<typeof productInputSchema>;
