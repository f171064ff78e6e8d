/** Shapes of the catalog API (CONTRACT.md): one zod schema each, types inferred. */
import { z } from "zod";

const code = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(32, "must be at most 32 characters")
  .regex(/^[A-Za-z0-9._/-]+$/, "may hold only letters, digits and . _ / -");

export const productInputSchema = z.object({
  code,
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

export const bulkProductsSchema = z.object({
  /** Each row may carry the line number of the file it came from, for error reports. */
  products: z.array(productInputSchema.extend({ line: z.number().int().positive().optional() })).max(100_000),
  strict: z.boolean().default(false),
});

export const departmentInputSchema = z.object({
  id: z.string().trim().min(1).max(16),
  name: z.string().trim().min(1).max(40),
  taxClass: z.string().max(16).nullable().optional(),
});
export type DepartmentInput = z.infer<typeof departmentInputSchema>;

export const bulkDepartmentsSchema = z.object({
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
  changeSeq: number;
}

export interface LookupResult {
  product: Product;
  /** Quantity read from a weight-embedded barcode. */
  qty?: string;
  qtyMilli?: number;
  /** Price read from a price-embedded barcode. */
  priceMinor?: number;
  matchedBy: "code" | "barcode" | "embedded";
}

export interface RowError {
  line: number | null;
  code: string | null;
  reason: string;
}
