/** Shapes of the catalog API (CONTRACT.md): one zod schema each, types inferred. */
import { z } from "zod";
import type { StockFields } from "../../core/catalog-stock.ts";
import { productInputSchema } from "../../core/product-input.ts";

export { type CategoryInput, categoryInputSchema } from "../../core/catalog-stock.ts";

export { type ProductInput, productInputSchema } from "../../core/product-input.ts";

export const bulkProductsSchema = z.strictObject({
  /** Each row may carry the line number of the file it came from, for error reports. */
  products: z.array(productInputSchema.extend({ line: z.number().int().positive().optional() })).max(100_000),
  strict: z.boolean().default(false),
});

const limitMinor = z.int("must be a whole number of minor units").min(0, "must not be negative").nullable();

/**
 * `POST /departments` (and each row of `/departments/bulk`): an upsert by `id`; a new
 * department needs a `name`, and fields left out keep their values.
 */
export const departmentInputSchema = z.strictObject({
  id: z.string().trim().min(1).max(16),
  name: z.string().trim().min(1).max(40).optional(),
  taxClass: z.string().max(16).nullable().optional(),
  /** Open rings (an amount rung to the department without a product) are allowed; default true. */
  openRing: z.boolean().optional(),
  /** The largest and smallest amount of one open ring; null: no limit. */
  openRingMaxMinor: limitMinor.optional(),
  openRingMinMinor: limitMinor.optional(),
  /** The customer's age the department's items need (18, 21…); null or 0: none. */
  minAge: z.int("must be a whole number of years").min(0).max(99, "must be at most 99").nullable().optional(),
});
export type DepartmentInput = z.infer<typeof departmentInputSchema>;

export const bulkDepartmentsSchema = z.strictObject({
  departments: z
    .array(departmentInputSchema.extend({ line: z.number().int().positive().optional() }))
    .max(10_000),
  strict: z.boolean().default(false),
});

/** A product with its stock fields (category, variant, packs, minimum and maximum stock). */
export interface Product extends StockFields {
  code: string;
  name: string;
  barcodes: string[];
  priceMinor: number;
  taxClass: string | null;
  department: string | null;
  soldByWeight: boolean;
  openPrice: boolean;
  costMinor: number | null;
  unit: string;
  active: boolean;
  /** The customer's age the product needs (0: none); null: its department's. */
  minAge: number | null;
  depositCode: string | null;
  snapEligible: boolean;
  serialised: boolean;
  changeSeq: number;
}

export interface LookupResult {
  product: Product;
  /** Quantity read from a weight-embedded barcode (kg) or a count-embedded one (pieces). */
  qty?: string;
  qtyMilli?: number;
  /** Set with `qty`: a weight label's kilograms or a count label's whole pieces. */
  qtyKind?: "weight" | "count";
  /** Price read from a price-embedded barcode. */
  priceMinor?: number;
  matchedBy: "code" | "barcode" | "embedded";
}

export interface RowError {
  line: number | null;
  code: string | null;
  reason: string;
}
