/**
 * The catalog as stock sees it: categories (a tree), variants of a product (size, colour…),
 * pack sizes (a case of 12 received or scanned, eaches sold and counted) and the minimum and
 * maximum stock a store keeps. Pure: schemas and rules only.
 */
import { z } from "zod";
import { featureErrors } from "./errors.ts";
import { MAX_QTY_MILLI } from "./quantity.ts";

export class CatalogStockError extends featureErrors({
  CATEGORY_CYCLE: "invalid",
  UNKNOWN_PACK: "invalid",
}) {}

export const categoryIdSchema = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(16, "must be at most 16 characters");

/** `POST /categories`: an upsert by `id`; `parent` null or left out makes a top category. */
export const categoryInputSchema = z.strictObject({
  id: categoryIdSchema,
  name: z.string().trim().min(1, "must not be empty").max(40, "must be at most 40 characters"),
  parent: categoryIdSchema.nullable().optional(),
});
export type CategoryInput = z.infer<typeof categoryInputSchema>;

/** A quantity of base units (eaches, kg…): positive, at most 3 decimals. */
const unitsSchema = z
  .number()
  .positive("must be more than zero")
  .max(MAX_QTY_MILLI / 1000, "is absurd: at most 10,000 units")
  .refine((v) => Number.isInteger(Math.round(v * 1000)) && Math.abs(v * 1000 - Math.round(v * 1000)) < 1e-6, {
    message: "may have at most 3 decimals",
  });

/** A pack a product comes in: `qty` base units under its own name and, scanned, its own barcode. */
export const packSchema = z.strictObject({
  barcode: z
    .string()
    .trim()
    .regex(/^\d{6,14}$/, "must be 6 to 14 digits")
    .optional(),
  name: z.string().trim().min(1, "must not be empty").max(20, "must be at most 20 characters"),
  qty: unitsSchema,
});
export type Pack = z.infer<typeof packSchema>;

export const packsSchema = z
  .array(packSchema)
  .max(10)
  .refine((packs) => new Set(packs.map((p) => p.name)).size === packs.length, "pack names must differ");

/** A variant's attributes (size, colour…): a small map of short strings. */
export const variantAttributesSchema = z
  .record(z.string().trim().min(1).max(20), z.string().trim().min(1).max(40))
  .refine((attrs) => Object.keys(attrs).length <= 8, "at most 8 attributes");
export type VariantAttributes = z.infer<typeof variantAttributesSchema>;

/** Minimum or maximum stock of a product, in base units (null: none). */
export const stockLimitSchema = z
  .number()
  .min(0, "must not be negative")
  .max(MAX_QTY_MILLI / 1000, "is absurd: at most 10,000 units")
  .nullable();

/** Base units to milli-units (rounded to the thousandth). */
export function unitsToMilli(units: number): number {
  return Math.round(units * 1000);
}

/**
 * `n` packs of a product in milli-units of its base unit: 3 cases of 12 are 36,000. Throws
 * UNKNOWN_PACK when the product has no pack of that name.
 */
export function packQtyMilli(
  product: { code: string; packs?: readonly Pack[] | null | undefined },
  pack: string,
  n: number,
): number {
  const found = product.packs?.find((p) => p.name === pack);
  if (!found) {
    const known = (product.packs ?? []).map((p) => p.name);
    throw new CatalogStockError(
      "UNKNOWN_PACK",
      `product "${product.code}" has no pack "${pack}" (its packs: ${known.join(", ") || "none"})`,
      { code: product.code, pack, known },
    );
  }
  return Math.round(unitsToMilli(found.qty) * n);
}

/**
 * The chain of ancestors a category gets under `parent` (nearest first). Throws CATEGORY_CYCLE
 * when the category would be its own ancestor.
 */
export function categoryAncestry(
  id: string,
  parent: string | null,
  parentOf: (id: string) => string | null,
): string[] {
  const chain: string[] = [];
  for (let at = parent; at !== null; at = parentOf(at)) {
    chain.push(at);
    if (at === id) {
      throw new CatalogStockError(
        "CATEGORY_CYCLE",
        `category "${id}" cannot be its own ancestor: ${[id, ...chain].reverse().join(" → ")}`,
        { id, parent, chain },
      );
    }
    if (chain.length > 64) break;
  }
  return chain;
}
