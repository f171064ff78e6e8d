/** Shapes of the catalog API (CONTRACT.md): one zod schema each, types inferred. */
import { z } from "zod";
import { productInputSchema } from "../../core/product-input.ts";

export { type ProductInput, productInputSchema } from "../../core/product-input.ts";

export const bulkProductsSchema = z.strictObject({
  /** Each row may carry the line number of the file it came from, for error reports. */
  products: z.array(productInputSchema.extend({ line: z.number().int().positive().optional() })).max(100_000),
  strict: z.boolean().default(false),
});

export const departmentInputSchema = z.strictObject({
  id: z.string().trim().min(1).max(16),
  name: z.string().trim().min(1).max(40),
  taxClass: z.string().max(16).nullable().optional(),
});
export type DepartmentInput = z.infer<typeof departmentInputSchema>;

export const bulkDepartmentsSchema = z.strictObject({
  departments: z
    .array(departmentInputSchema.extend({ line: z.number().int().positive().optional() }))
    .max(10_000),
  strict: z.boolean().default(false),
});

export interface Product {
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
  depositCode: string | null;
  snapEligible: boolean;
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
