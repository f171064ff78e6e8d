/**
 * The catalog's fields for stock at the store: categories (a tree), variants of a product,
 * packs (their barcodes kept beside the product's own, with the eaches one scan stands for)
 * and minimum/maximum stock.
 */
import { and, asc, eq, isNotNull, isNull } from "drizzle-orm";
import { barcodes, categories, products } from "../../../schema/store.ts";
import type { ProductInput } from "../../api/store/catalog.ts";
import {
  type CategoryInput,
  categoryAncestry,
  checkVariantParent,
  type Pack,
  unitsToMilli,
} from "../../core/catalog-stock.ts";
import { barcodeKey } from "../../core/code-resolution.ts";
import type { StoreDb, StoreTx } from "../context.ts";
import { statementsOf } from "../db/statements.ts";
import { CatalogError } from "./errors.ts";

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

/**
 * The references the store's own API checks (head office's pushes are taken as sent: a
 * snapshot may bring a variant before its parent, and categories are the store's).
 */
export function checkStockRefs(tx: StoreTx, input: ProductInput): void {
  if (input.category) requireCategory(tx, input.category, `product "${input.code}"`);
  if (input.variantOf) {
    const parent = tx
      .select({ variantOf: products.variantOf })
      .from(products)
      .where(eq(products.code, input.variantOf))
      .get();
    const child = tx
      .select({ code: products.code })
      .from(products)
      .where(eq(products.variantOf, input.code))
      .get();
    checkVariantParent(input.code, input.variantOf, parent, child?.code);
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
