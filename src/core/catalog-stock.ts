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
  INVALID_STOCK_LIMITS: "invalid",
  INVALID_VARIANT_PARENT: "invalid",
  UNKNOWN_PACK: "invalid",
  UNKNOWN_VARIANT_PARENT: "invalid",
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

/** Refuses a maximum stock below the minimum (both in milli-units; null: none). */
export function checkStockLimits(
  code: string,
  minStockMilli: number | null,
  maxStockMilli: number | null,
): void {
  if (minStockMilli !== null && maxStockMilli !== null && maxStockMilli < minStockMilli) {
    throw new CatalogStockError(
      "INVALID_STOCK_LIMITS",
      `product "${code}": the maximum stock (${maxStockMilli / 1000}) is below its minimum (${minStockMilli / 1000})`,
      { code, minStockMilli, maxStockMilli },
    );
  }
}

/**
 * Variants are one level deep: a product may be a variant of a product that exists, is not
 * itself, is not a variant, and as long as it has no variants of its own.
 */
export function checkVariantParent(
  code: string,
  variantOf: string,
  parent: { variantOf: string | null } | undefined,
  aVariantOfCode: string | undefined,
): void {
  if (variantOf === code) {
    throw new CatalogStockError("INVALID_VARIANT_PARENT", `product "${code}" cannot be a variant of itself`, {
      code,
    });
  }
  if (!parent) {
    throw new CatalogStockError(
      "UNKNOWN_VARIANT_PARENT",
      `product "${code}": no product has the code "${variantOf}" to be a variant of`,
      { code, variantOf },
    );
  }
  if (parent.variantOf !== null) {
    throw new CatalogStockError(
      "INVALID_VARIANT_PARENT",
      `product "${code}": "${variantOf}" is itself a variant of "${parent.variantOf}"; make it a variant of "${parent.variantOf}"`,
      { code, variantOf },
    );
  }
  if (aVariantOfCode !== undefined) {
    throw new CatalogStockError(
      "INVALID_VARIANT_PARENT",
      `product "${code}" has variants (such as "${aVariantOfCode}"): it cannot itself be a variant`,
      { code, variantOf },
    );
  }
}

/** Optional stock fields given in units, as milli-units: undefined (left out), null (none) or the value. */
export function limitMilli(units: number | null | undefined): number | null | undefined {
  return units === undefined ? undefined : units === null ? null : unitsToMilli(units);
}

/** How the store and head office keep a product's stock fields (JSON text for the structured ones). */
export interface StockColumns {
  category: string | null;
  variantOf: string | null;
  variant: string | null;
  packs: string | null;
  minStockMilli: number | null;
  maxStockMilli: number | null;
}

/** The stock fields of a product input, as given in `POST /products`. */
export interface StockFieldsInput {
  code: string;
  category?: string | null | undefined;
  variantOf?: string | null | undefined;
  variant?: VariantAttributes | null | undefined;
  packs?: Pack[] | undefined;
  minStock?: number | null | undefined;
  maxStock?: number | null | undefined;
}

/**
 * The stock columns of an upsert: the input's, else the existing product's (fields left out
 * keep their values). Refuses a maximum below the minimum.
 */
export function mergeStockColumns(input: StockFieldsInput, old: StockColumns | undefined): StockColumns {
  const keep = <T>(given: T | undefined, kept: T) => (given !== undefined ? given : kept);
  const minStockMilli = keep(limitMilli(input.minStock), old?.minStockMilli ?? null);
  const maxStockMilli = keep(limitMilli(input.maxStock), old?.maxStockMilli ?? null);
  checkStockLimits(input.code, minStockMilli, maxStockMilli);
  const variant =
    input.variant === undefined ? undefined : input.variant === null ? null : JSON.stringify(input.variant);
  return {
    category: keep(input.category, old?.category ?? null),
    variantOf: keep(input.variantOf, old?.variantOf ?? null),
    variant: keep(variant, old?.variant ?? null),
    packs: input.packs !== undefined ? JSON.stringify(input.packs) : (old?.packs ?? null),
    minStockMilli,
    maxStockMilli,
  };
}

/** A product's stock fields as the APIs answer them. */
export interface StockFields {
  category: string | null;
  /** The product this one is a variant of, and what sets it apart (`{size: "L"}`). */
  variantOf: string | null;
  variant: VariantAttributes | null;
  /** Packs it comes in; a pack's barcode rings `qty` base units. */
  packs: Pack[];
  /** Stock to keep, in base units (null: none). */
  minStock: number | null;
  maxStock: number | null;
}

/** A product's stock fields from its columns. */
export function stockFieldsOfColumns(row: StockColumns): StockFields {
  return {
    category: row.category,
    variantOf: row.variantOf,
    variant: row.variant === null ? null : (JSON.parse(row.variant) as VariantAttributes),
    packs: row.packs === null ? [] : (JSON.parse(row.packs) as Pack[]),
    minStock: row.minStockMilli === null ? null : row.minStockMilli / 1000,
    maxStock: row.maxStockMilli === null ? null : row.maxStockMilli / 1000,
  };
}
