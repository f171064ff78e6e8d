/**
 * A chain product's fields for stock (category, variant, packs, minimum and maximum stock):
 * kept when an update leaves them out, checked as the store checks them, and sent whole to the
 * stores with the product.
 */
import { eq } from "drizzle-orm";
import { hqProducts } from "../../../schema/hq.ts";
import type { ProductInput } from "../../api/hq/catalog.ts";
import type { ProductChangeValue } from "../../core/catalog-changes.ts";
import {
  checkVariantParent,
  mergeStockColumns,
  type StockColumns,
  stockFieldsOfColumns,
} from "../../core/catalog-stock.ts";
import type { HqTx } from "../context.ts";

type ProductRow = typeof hqProducts.$inferSelect;

/** The stock columns of an upsert: the input's, else the existing product's. */
export function hqStockFieldsOf(tx: HqTx, input: ProductInput, existing: ProductRow | undefined) {
  if (input.variantOf) {
    const parent = tx
      .select({ variantOf: hqProducts.variantOf })
      .from(hqProducts)
      .where(eq(hqProducts.code, input.variantOf))
      .get();
    const child = tx
      .select({ code: hqProducts.code })
      .from(hqProducts)
      .where(eq(hqProducts.variantOf, input.code))
      .get();
    checkVariantParent(input.code, input.variantOf, parent, child?.code);
  }
  return mergeStockColumns(input, existing);
}

/** The stock fields of the change sent to the stores (always all of them). */
export function stockValueOf(
  row: StockColumns,
): Pick<ProductChangeValue, "category" | "variantOf" | "variant" | "packs" | "minStock" | "maxStock"> {
  return stockFieldsOfColumns(row);
}
