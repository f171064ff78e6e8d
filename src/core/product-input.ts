/**
 * The body of `POST /products` on the store and at head office (CONTRACT.md): one zod schema
 * for both, the type inferred from it.
 */
import { z } from "zod";
import { categoryIdSchema, packsSchema, stockLimitSchema, variantAttributesSchema } from "./catalog-stock.ts";
import { DomainError } from "./errors.ts";

export const productCodeSchema = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(32, "must be at most 32 characters")
  .regex(/^[A-Za-z0-9._/-]+$/, "may hold only letters, digits and . _ / -");

/**
 * A product's stock fields, each optional (left out: kept), in `POST /products` and in head
 * office's product changes.
 */
export const stockFieldsShape = {
  /** Its category (a tree, `POST /categories`); null removes it. */
  category: categoryIdSchema.nullable().optional(),
  /** The product this one is a variant of (its own code, barcodes, price and stock); null: none. */
  variantOf: productCodeSchema.nullable().optional(),
  /** What sets the variant apart: `{size: "L", colour: "red"}`. */
  variant: variantAttributesSchema.nullable().optional(),
  /** Packs it comes in (a case of 12): received by the pack, its barcode rings the eaches. */
  packs: packsSchema.optional(),
  /** Stock to keep, in base units: below `minStock` it is listed to reorder up to `maxStock`. */
  minStock: stockLimitSchema.optional(),
  maxStock: stockLimitSchema.optional(),
};

export const productInputSchema = z.strictObject({
  code: productCodeSchema,
  /** Required for a new product; left out, an existing product keeps its name. */
  name: z.string().trim().min(1, "must not be empty").max(60, "must be at most 60 characters").optional(),
  barcodes: z
    .array(
      z
        .string()
        .trim()
        .regex(/^\d{6,14}$/, "must be 6 to 14 digits"),
    )
    .max(20)
    .optional(),
  /** Required for a new product; left out, an existing product keeps its price. */
  priceMinor: z
    .number()
    .int("must be a whole number of minor units")
    .min(0, "must not be negative")
    .optional(),
  taxClass: z.string().max(16).nullable().optional(),
  department: z.string().max(16).nullable().optional(),
  soldByWeight: z.boolean().optional(),
  openPrice: z.boolean().optional(),
  costMinor: z.number().int().min(0).nullable().optional(),
  unit: z.enum(["each", "kg", "lb", "l"]).optional(),
  active: z.boolean().optional(),
  /** The customer's age the product needs (18, 21…; 0: none); null: its department's. */
  minAge: z.int("must be a whole number of years").min(0).max(99, "must be at most 99").nullable().optional(),
  /** The deposit product rung with this one (a bottle deposit); null removes it. */
  depositCode: productCodeSchema.nullable().optional(),
  /** May be paid with a tender restricted to SNAP-eligible items (EBT). */
  snapEligible: z.boolean().optional(),
  ...stockFieldsShape,
  /** Each unit sold needs its serial number (the till asks for it). */
  serialised: z.boolean().optional(),
});
export type ProductInput = z.infer<typeof productInputSchema>;

/** A product code not yet in the catalog, sent without the fields a new product needs. */
export class NewProductIncompleteError extends DomainError {
  readonly code = "NEW_PRODUCT_INCOMPLETE";
  constructor(code: string, missing: readonly string[]) {
    super(
      `product "${code}" is new: it needs ${missing.join(" and ")} (an existing product keeps the fields left out)`,
      { code, missing },
    );
  }
}

/**
 * The name and price of an upsert: the input's, else the existing product's; a new product
 * without both is refused with the fields it lacks.
 */
export function requiredProductFields(
  input: { code: string; name?: string | undefined; priceMinor?: number | undefined },
  existing: { name: string; priceMinor: number } | undefined,
): { name: string; priceMinor: number } {
  const name = input.name ?? existing?.name;
  const priceMinor = input.priceMinor ?? existing?.priceMinor;
  if (name === undefined || priceMinor === undefined) {
    const missing = [name === undefined ? "name" : null, priceMinor === undefined ? "priceMinor" : null];
    throw new NewProductIncompleteError(
      input.code,
      missing.filter((m): m is string => m !== null),
    );
  }
  return { name, priceMinor };
}
