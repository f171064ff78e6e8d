/**
 * Shapes of `POST /barcodes/assign`: in-store barcodes (restricted-circulation EAN-13 with a
 * prefix 20–29, or EAN-8) for the active products that have none, or for the codes named.
 */
import { z } from "zod";
import { inStorePrefixSchema } from "../../core/in-store-barcodes.ts";

export const barcodeAssignRequestSchema = z.strictObject({
  prefix: inStorePrefixSchema.default("20"),
  ean8: z.boolean().default(false),
  /** Only these products (each must still have no barcode of its own); default: every one without. */
  codes: z.array(z.string().trim().min(1).max(64)).min(1).max(5000).optional(),
  preview: z.boolean().default(false),
});
export type BarcodeAssignRequest = z.infer<typeof barcodeAssignRequestSchema>;

export const barcodeAssignAnswerSchema = z.object({
  /** Each product given a code, in product-code order (nothing saved for a preview). */
  assigned: z.array(z.object({ code: z.string(), barcode: z.string() })),
  preview: z.boolean(),
});
export type BarcodeAssignAnswer = z.infer<typeof barcodeAssignAnswerSchema>;
