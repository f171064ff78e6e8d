/** Shapes of head office's catalog API: one zod schema each, types inferred. */
import { z } from "zod";
import type { ProductChangeValue } from "../../core/catalog-changes.ts";
import { storeIdSchema } from "../../core/ids.ts";
import { productCodeSchema, productInputSchema } from "../../core/product-input.ts";

export { type ProductInput, productInputSchema } from "../../core/product-input.ts";

const moneyMinor = z.number().int("must be a whole number of minor units").min(0, "must not be negative");

export const bulkProductsSchema = z.strictObject({
  /** Each row may carry the line number of the file it came from, for error reports. */
  products: z.array(productInputSchema.extend({ line: z.number().int().positive().optional() })).max(100_000),
  strict: z.boolean().default(false),
});

export const productsQuerySchema = z.object({
  changedSince: z.iso
    .datetime({ offset: true, error: "must be a time such as 2026-03-02T15:00:00Z" })
    .optional(),
});

export const priceInputSchema = z
  .strictObject({
    code: productCodeSchema,
    /** The new price; null (with storeId) removes the store's own price. */
    priceMinor: moneyMinor.nullable(),
    storeId: storeIdSchema.optional(),
    /** When the price takes effect; absent or past means now. */
    effectiveAt: z.iso
      .datetime({ offset: true, error: "must be a time such as 2026-04-01T00:00:00Z" })
      .optional(),
  })
  .refine((p) => p.priceMinor !== null || p.storeId !== undefined, {
    path: ["priceMinor"],
    message: "null removes a store's own price: give storeId, or a price for the whole chain",
  });
export type PriceInput = z.infer<typeof priceInputSchema>;

export const pricesQuerySchema = z.object({ code: productCodeSchema });

/** A product as head office answers it: the value stores get, and when it last changed. */
export type HqProduct = ProductChangeValue & { updatedAt: string };

export interface ScheduledPrice {
  id: number;
  storeId: string | null;
  priceMinor: number | null;
  effectiveAt: string;
  createdAt: string;
}

export interface PriceResult {
  id: number;
  code: string;
  storeId: string | null;
  priceMinor: number | null;
  effectiveAt: string;
  status: "applied" | "scheduled";
}

export interface PricePicture {
  code: string;
  priceMinor: number;
  storePrices: Record<string, number>;
  scheduled: ScheduledPrice[];
}

export interface RowError {
  line: number | null;
  code: string | null;
  reason: string;
}
