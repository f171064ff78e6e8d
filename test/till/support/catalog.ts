/** A small catalog for the till's tests: plain, weighed, open-price and taxed items. */
import type { TillProduct } from "../../../src/till/services.ts";

function product(
  code: string,
  name: string,
  priceMinor: number,
  extra: Partial<TillProduct> = {},
): TillProduct {
  return {
    code,
    name,
    priceMinor,
    taxClass: null,
    department: null,
    soldByWeight: false,
    openPrice: false,
    unit: "each",
    ...extra,
  };
}

const BOTTLE_DEPOSIT = product("0100", "Bottle deposit", 10);

export const CATALOG: readonly TillProduct[] = [
  BOTTLE_DEPOSIT,
  product("0010", "Soda 2l", 199, { taxClass: "1", depositCode: "0100", deposit: BOTTLE_DEPOSIT }),
  product("0011", "Rice", 300, { snapEligible: true }),
  product("4011", "Bananas", 69, { soldByWeight: true, unit: "kg" }),
  product("0001", "Milk 1l", 129),
  product("0002", "Bread", 250),
  product("0003", "Coffee beans", 1099, { taxClass: "1" }),
  product("0004", "Deli item", 0, { openPrice: true }),
  product("0005", "Apples", 199, { soldByWeight: true, unit: "kg" }),
  product("09506000134352", "Eye drops", 650),
  product("4006381333931", "Phone", 19900, { serialised: true }),
];

export function findProduct(code: string): TillProduct | undefined {
  // A GTIN-14 (from a GS1 label's AI 01) finds the product by its barcode, as the till's catalog does.
  const gtin = /^\d{14}$/.test(code);
  return CATALOG.find((p) => p.code === code || (gtin && p.code.padStart(14, "0") === code));
}
