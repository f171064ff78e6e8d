/**
 * Name search over the till's FTS5 index, on a real SQLite file: prefix matching of every word,
 * case and diacritics, FTS syntax in the cashier's input taken as text, the index following
 * renames, price changes, deactivation and deletion, and a till file from before the index
 * being upgraded with its rows searchable.
 */
import { Database } from "bun:sqlite";
import { afterEach, beforeEach, describe, expect, test } from "bun:test";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrations } from "../../../schema/migrations/till/index.ts";
import type { CatalogProduct } from "../../../src/api/store/answers.ts";
import { migrate } from "../../../src/shared/sqlite.ts";
import { ftsQuery, LocalCatalog } from "../../../src/till/data/catalog.ts";
import { openTillDatabase, type TillDatabase, tillDbPath } from "../../../src/till/data/db.ts";

let seq = 0;
function product(code: string, name: string, extra: Partial<CatalogProduct> = {}): CatalogProduct {
  return {
    code,
    name,
    barcodes: [],
    priceMinor: 100,
    taxClass: null,
    department: null,
    soldByWeight: false,
    openPrice: false,
    unit: "each",
    active: true,
    changeSeq: ++seq,
    ...extra,
  };
}

function apply(db: TillDatabase, catalog: LocalCatalog, rows: CatalogProduct[]): void {
  db.sqlite.transaction(() => {
    let at = 0;
    while (at < rows.length) at = catalog.applySome(rows, at, 1000, 1000);
  })();
}

const names = (found: { name: string }[]) => found.map((p) => p.name);

describe("till name search (FTS5)", () => {
  let dir: string;
  let db: TillDatabase;
  let catalog: LocalCatalog;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "ringup-till-search-"));
    db = openTillDatabase(dir);
    catalog = new LocalCatalog(db.sqlite);
    apply(db, catalog, [
      product("M1", "Organic Milk 1L"),
      product("M2", "Oat milk"),
      product("M3", "Milk chocolate"),
      product("C1", "Crème brûlée"),
      product("J1", 'Jam "extra" (strawberry) - 370g'),
      product("S1", "Soy sauce"),
      product("X1", "Organic mince", { active: false }),
    ]);
  });
  afterEach(async () => {
    db.sqlite.close();
    await rm(dir, { recursive: true, force: true });
  });

  test("every word typed starts a word of the name, in any case, results by name", () => {
    expect(names(catalog.search("org mil", 10))).toEqual(["Organic Milk 1L"]);
    expect(names(catalog.search("MILK", 10))).toEqual(["Milk chocolate", "Oat milk", "Organic Milk 1L"]);
    expect(names(catalog.search("  mi   ch ", 10))).toEqual(["Milk chocolate"]);
    expect(names(catalog.search("ilk", 10))).toEqual([]);
    expect(names(catalog.search("milk", 2))).toEqual(["Milk chocolate", "Oat milk"]);
  });

  test("accents do not matter on either side", () => {
    expect(names(catalog.search("creme brul", 10))).toEqual(["Crème brûlée"]);
    expect(names(catalog.search("CRÈME", 10))).toEqual(["Crème brûlée"]);
    expect(names(catalog.search("brûle", 10))).toEqual(["Crème brûlée"]);
  });

  test('FTS syntax in the input is text: ", *, (, -, AND, NEAR, column filters', () => {
    for (const text of [
      '"',
      '"jam',
      "jam*",
      "(jam",
      "jam)",
      "-jam",
      "jam -",
      "jam AND",
      "OR jam",
      "NOT",
      "NEAR(jam straw)",
      "name:jam",
      "^jam",
      "{name}: jam",
      "jam + straw",
      "***",
      "'",
      "\\",
    ]) {
      expect(() => catalog.search(text, 10)).not.toThrow();
    }
    expect(names(catalog.search('"extra" (straw', 10))).toEqual(['Jam "extra" (strawberry) - 370g']);
    expect(names(catalog.search("jam*", 10))).toEqual(['Jam "extra" (strawberry) - 370g']);
    expect(names(catalog.search("-370", 10))).toEqual(['Jam "extra" (strawberry) - 370g']);
    expect(catalog.search("- * ( )", 10)).toEqual([]);
    expect(catalog.search("", 10)).toEqual([]);
    expect(ftsQuery('a"b c*')).toBe('"a""b"* "c*"*');
  });

  test("items taken off sale are not found", () => {
    expect(names(catalog.search("organic", 10))).toEqual(["Organic Milk 1L"]);
  });

  test("the index follows renames, price changes, deactivation and deletion", () => {
    apply(db, catalog, [
      product("M2", "Oat drink", { priceMinor: 250 }),
      product("S1", "Soy sauce", { priceMinor: 333 }),
      product("M3", "Milk chocolate", { active: false }),
      product("X1", "Organic mince", { active: true }),
    ]);
    expect(names(catalog.search("oat", 10))).toEqual(["Oat drink"]);
    expect(names(catalog.search("milk", 10))).toEqual(["Organic Milk 1L"]);
    expect(catalog.search("soy", 10).map((p) => p.priceMinor)).toEqual([333]);
    expect(names(catalog.search("organic", 10))).toEqual(["Organic Milk 1L", "Organic mince"]);
    db.sqlite.run("DELETE FROM products WHERE code = 'M1'");
    expect(names(catalog.search("organic", 10))).toEqual(["Organic mince"]);
    const check = db.sqlite.query(
      "INSERT INTO products_fts (products_fts, rank) VALUES ('integrity-check', 1)",
    );
    expect(() => check.run()).not.toThrow();
  });
});

describe("upgrading a till file made before the name index", () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "ringup-till-upgrade-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test("its products keep their data and become searchable; later syncs keep the index in step", () => {
    const old = new Database(tillDbPath(dir), { create: true, strict: true });
    old.exec("PRAGMA journal_mode = WAL");
    migrate(old, migrations.slice(0, 1));
    const insert = old.prepare(
      "INSERT INTO products (code, name, price_minor, unit, active, change_seq) VALUES (?, ?, ?, 'each', ?, ?)",
    );
    insert.run("A1", "Éclair au café", 250, 1, 1);
    insert.run("A2", "Organic milk", 129, 1, 2);
    insert.run("A3", "Old stock", 99, 0, 3);
    old.run("INSERT INTO barcodes (barcode, product_code) VALUES ('00012345678905', 'A2')");
    old.close();

    const db = openTillDatabase(dir);
    try {
      const catalog = new LocalCatalog(db.sqlite);
      expect(names(catalog.search("eclair cafe", 10))).toEqual(["Éclair au café"]);
      expect(catalog.search("org mil", 10).map((p) => [p.code, p.priceMinor])).toEqual([["A2", 129]]);
      expect(catalog.search("old", 10)).toEqual([]);
      expect(catalog.lookup("012345678905", []).product.code).toBe("A2");
      apply(db, catalog, [product("A2", "Whole milk", { priceMinor: 139, changeSeq: 4 })]);
      expect(catalog.search("organic", 10)).toEqual([]);
      expect(catalog.search("whole", 10).map((p) => p.priceMinor)).toEqual([139]);
    } finally {
      db.sqlite.close();
    }
  });
});
