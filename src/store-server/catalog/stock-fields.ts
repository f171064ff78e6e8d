/**
 * The catalog's fields for stock at the store: categories (a tree), variants of a product,
 * packs (their barcodes kept beside the product's own, with the eaches one scan stands for)
 * and minimum/maximum stock.
 */
import { and, asc, eq, isNotNull, isNull } from "drizzle-orm";
import { barcodes, categories, products } from "../../../schema/store.ts";
import type { ProductInput } from "../../api/store/catalog.ts";
import { type CategoryInput, categoryAncestry, type Pack, unitsToMilli } from "../../core/catalog-stock.ts";
import { barcodeKey } from "../../core/code-resolution.ts";
import type { StoreDb, StoreTx } from "../context.ts";
import { statementsOf } from "../db/statements.ts";
import { CatalogError } from "./errors.ts";

type ProductRow = typeof products.$inferSelect;
export type CategoryRecord = { id: string; name: string; parent: string | null };

function parentOf(db: StoreDb | StoreTx) {
  return (id: string): string | null =>
    db.select({ parent: categories.parent }).from(categories).where(eq(categories.id, id)).get()?.parent ??
    null;
}

function requireCategory(db: StoreDb | StoreTx, id: string, what: string): void {
  if (!db.select({ id: categories.id }).from(categories).where(eq(categories.id, id)).get()) {
    throw new CatalogError(
      "UNKNOWN_CATEGORY",
      `${what}: no category has the id "${id}" (add it with POST /categories)`,
      {
        category: id,
      },
    );
  }
}

/** `POST /categories`: creates or moves/renames a category; refuses an unknown parent or a cycle. */
export function upsertCategoryInTx(tx: StoreTx, input: CategoryInput): CategoryRecord {
  const parent = input.parent ?? null;
  if (parent !== null) requireCategory(tx, parent, `category "${input.id}"`);
  categoryAncestry(input.id, parent, parentOf(tx));
  const seq = statementsOf(tx).nextCounter.get("catalog");
  if (!seq) throw new Error("counter catalog did not advance");
  const values = { id: input.id, name: input.name, parent, changeSeq: seq.value };
  tx.insert(categories).values(values).onConflictDoUpdate({ target: categories.id, set: values }).run();
  return { id: values.id, name: values.name, parent };
}

export function listCategories(db: StoreDb): CategoryRecord[] {
  return db
    .select({ id: categories.id, name: categories.name, parent: categories.parent })
    .from(categories)
    .orderBy(asc(categories.id))
    .all();
}

/** A product's category must exist at the store (checked for the store's own API, not head office's pushes). */
export function checkCategory(db: StoreDb | StoreTx, input: ProductInput): void {
  if (input.category) requireCategory(db, input.category, `product "${input.code}"`);
}

/** The stock fields of an upsert: the input's, else the existing product's (fields left out keep theirs). */
export function stockFieldsOf(tx: StoreTx, input: ProductInput, old: ProductRow | undefined) {
  const keep = <T>(given: T | undefined, kept: T) => (given !== undefined ? given : kept);
  const variantOf = keep(input.variantOf, old?.variantOf ?? null);
  if (variantOf !== null && variantOf !== (old?.variantOf ?? null))
    checkVariantParent(tx, input.code, variantOf);
  const minStockMilli = keep(
    input.minStock === undefined ? undefined : input.minStock === null ? null : unitsToMilli(input.minStock),
    old?.minStockMilli ?? null,
  );
  const maxStockMilli = keep(
    input.maxStock === undefined ? undefined : input.maxStock === null ? null : unitsToMilli(input.maxStock),
    old?.maxStockMilli ?? null,
  );
  if (minStockMilli !== null && maxStockMilli !== null && maxStockMilli < minStockMilli) {
    throw new CatalogError(
      "INVALID_STOCK_LIMITS",
      `product "${input.code}": the maximum stock (${maxStockMilli / 1000}) is below its minimum (${minStockMilli / 1000})`,
      { code: input.code, minStockMilli, maxStockMilli },
    );
  }
  return {
    category: keep(input.category, old?.category ?? null),
    variantOf,
    variant:
      input.variant !== undefined
        ? input.variant === null
          ? null
          : JSON.stringify(input.variant)
        : (old?.variant ?? null),
    packs: input.packs !== undefined ? JSON.stringify(input.packs) : (old?.packs ?? null),
    minStockMilli,
    maxStockMilli,
  };
}

function checkVariantParent(tx: StoreTx, code: string, variantOf: string): void {
  if (variantOf === code) {
    throw new CatalogError("INVALID_VARIANT_PARENT", `product "${code}" cannot be a variant of itself`, {
      code,
    });
  }
  const parent = tx
    .select({ variantOf: products.variantOf })
    .from(products)
    .where(eq(products.code, variantOf))
    .get();
  if (!parent) {
    throw new CatalogError(
      "UNKNOWN_VARIANT_PARENT",
      `product "${code}": no product has the code "${variantOf}" to be a variant of`,
      { code, variantOf },
    );
  }
  if (parent.variantOf !== null) {
    throw new CatalogError(
      "INVALID_VARIANT_PARENT",
      `product "${code}": "${variantOf}" is itself a variant of "${parent.variantOf}"; make it a variant of "${parent.variantOf}"`,
      { code, variantOf },
    );
  }
  const children = tx
    .select({ code: products.code })
    .from(products)
    .where(eq(products.variantOf, code))
    .get();
  if (children) {
    throw new CatalogError(
      "INVALID_VARIANT_PARENT",
      `product "${code}" has variants (such as "${children.code}"): it cannot itself be a variant`,
      { code, variantOf },
    );
  }
}

/** Replaces a product's pack barcodes (its own barcodes are left alone). */
export function writePackBarcodes(tx: StoreTx, code: string, packs: readonly Pack[]): void {
  tx.delete(barcodes)
    .where(and(eq(barcodes.productCode, code), isNotNull(barcodes.packQtyMilli)))
    .run();
  for (const pack of packs) {
    if (pack.barcode === undefined) continue;
    const row = {
      barcode: barcodeKey(pack.barcode),
      productCode: code,
      packQtyMilli: unitsToMilli(pack.qty),
    };
    tx.insert(barcodes).values(row).onConflictDoUpdate({ target: barcodes.barcode, set: row }).run();
  }
}

/** The product's own barcodes (not its packs'). */
export const ownBarcode = isNull(barcodes.packQtyMilli);

export function parseJson<T>(text: string | null): T | null {
  return text === null ? null : (JSON.parse(text) as T);
}
