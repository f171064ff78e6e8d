/** A product's deposit must be a product of its own, without a deposit of its own. */
import { eq } from "drizzle-orm";
import { products } from "../../../schema/store.ts";
import type { ProductInput } from "../../api/store/catalog.ts";
import type { StoreTx } from "../context.ts";
import { CatalogError } from "./errors.ts";

export function requireDepositProduct(tx: StoreTx, input: ProductInput): void {
  const code = input.depositCode;
  if (code === undefined || code === null) return;
  if (code === input.code) {
    throw new CatalogError("INVALID_DEPOSIT_PRODUCT", `product "${code}" cannot be its own deposit`);
  }
  const deposit = tx
    .select({ depositCode: products.depositCode })
    .from(products)
    .where(eq(products.code, code))
    .get();
  if (deposit === undefined) {
    throw new CatalogError(
      "UNKNOWN_DEPOSIT_PRODUCT",
      `deposit product "${code}" is not in the catalog; add the deposit (e.g. "Bottle deposit 0.10") first`,
      { depositCode: code },
    );
  }
  if (deposit.depositCode !== null) {
    throw new CatalogError(
      "INVALID_DEPOSIT_PRODUCT",
      `"${code}" has a deposit of its own and cannot be a deposit`,
      { depositCode: code },
    );
  }
}

/** Rows of an import in an order that adds each deposit product before the products naming it. */
export function depositsFirst<Row extends ProductInput>(rows: readonly Row[]): Row[] {
  const naming = rows.filter((r) => r.depositCode !== undefined && r.depositCode !== null);
  if (naming.length === 0) return [...rows];
  return [...rows.filter((r) => r.depositCode === undefined || r.depositCode === null), ...naming];
}
