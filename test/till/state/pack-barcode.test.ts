/**
 * A pack's barcode (a case of 12) at the till: the till's own catalog, on a real SQLite file,
 * resolves it to the product with the pack's eaches, and the sale rings that many eaches at the
 * each price; the product's own barcode still rings one.
 */
import { afterEach, beforeEach, expect, test } from "bun:test";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CatalogProduct } from "../../../src/api/store/answers.ts";
import { LocalCatalog, tillProduct } from "../../../src/till/data/catalog.ts";
import { openTillDatabase, type TillDatabase } from "../../../src/till/data/db.ts";
import type { TillLookup } from "../../../src/till/services.ts";
import { Driver } from "../support/state-env.ts";

const WATER: CatalogProduct = {
  code: "WATER",
  name: "Water 0.5 l",
  barcodes: ["4006381333931"],
  priceMinor: 80,
  taxClass: null,
  department: null,
  soldByWeight: false,
  openPrice: false,
  unit: "each",
  active: true,
  changeSeq: 1,
  packs: [{ name: "case", qty: 12, barcode: "5000112637922" }],
};

let dir: string;
let db: TillDatabase;
let catalog: LocalCatalog;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "ringup-till-packs-"));
  db = openTillDatabase(dir);
  catalog = new LocalCatalog(db.sqlite);
  catalog.keep(WATER);
});
afterEach(async () => {
  db.sqlite.close();
  await rm(dir, { recursive: true, force: true });
});

function scan(code: string): TillLookup {
  const found = catalog.lookup(code, []);
  const lookup: TillLookup = { product: tillProduct(found.product) };
  if (found.qtyMilli !== undefined && found.qtyKind !== undefined) {
    lookup.qtyMilli = found.qtyMilli;
    lookup.qtyKind = found.qtyKind;
  }
  return lookup;
}

test("a pack barcode rings the pack's eaches at the each price", () => {
  const d = new Driver().send({ type: "lookup.ok", lookup: scan("5000112637922"), qtyMilli: null });
  expect(d.state.sale.lines.map((l) => [l.code, l.qtyMilli, l.unitPriceMinor])).toEqual([
    ["WATER", 12_000, 80],
  ]);
  d.send({ type: "lookup.ok", lookup: scan("4006381333931"), qtyMilli: null });
  expect(d.state.sale.lines.map((l) => [l.code, l.qtyMilli, l.unitPriceMinor])).toEqual([
    ["WATER", 12_000, 80],
    ["WATER", 1_000, 80],
  ]);
});

test("a product synced again without packs no longer knows the pack barcode", () => {
  catalog.keep({ ...WATER, changeSeq: 2, packs: [] });
  expect(() => catalog.lookup("5000112637922", [])).toThrow();
  expect(catalog.lookup("4006381333931", []).product.code).toBe("WATER");
});
