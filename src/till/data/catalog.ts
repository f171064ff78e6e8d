/**
 * The till's copy of the store's catalog: products and barcodes in SQLite, read with prepared
 * statements on primary keys (scanning is a local indexed lookup, never a network call). Code
 * resolution is core's `resolveCode`, the same algorithm the store answers
 * `GET /products/lookup` with. A product is kept at its latest change seq: a write of an older
 * version changes nothing, whether it comes from a sync page or a look-up at the store. Sync writes a page in short transactions of a few rows each
 * (`applySome`), so a scan never waits long behind them.
 */
import type { Database, Statement } from "bun:sqlite";
import type { CatalogProduct } from "../../api/store/answers.ts";
import { unitsToMilli } from "../../core/catalog-stock.ts";
import { barcodeKey, type CodeResolution, resolveCode } from "../../core/code-resolution.ts";
import type { EmbeddedRule } from "../../core/embedded-barcode.ts";
import { DomainError } from "../../core/errors.ts";
import type { TillProduct } from "../services.ts";

export class ProductInactiveError extends DomainError {
  readonly code = "PRODUCT_INACTIVE";
}

export interface CachedProduct extends TillProduct {
  active: boolean;
}

interface ProductRow {
  code: string;
  name: string;
  priceMinor: number;
  taxClass: string | null;
  department: string | null;
  soldByWeight: number;
  openPrice: number;
  unit: string;
  active: number;
  minAge: number | null;
  depositCode: string | null;
  snapEligible: number;
  serialised: number;
  category: string | null;
}

const COLUMNS =
  "p.code, p.name, p.price_minor AS priceMinor, p.tax_class AS taxClass, p.department, " +
  "p.sold_by_weight AS soldByWeight, p.open_price AS openPrice, p.unit, p.active, p.min_age AS minAge, " +
  "p.deposit_code AS depositCode, p.snap_eligible AS snapEligible, p.serialised, p.category";

function toProduct(row: ProductRow): CachedProduct {
  return {
    code: row.code,
    name: row.name,
    priceMinor: row.priceMinor,
    taxClass: row.taxClass,
    department: row.department,
    soldByWeight: row.soldByWeight === 1,
    openPrice: row.openPrice === 1,
    unit: row.unit,
    active: row.active === 1,
    minAge: row.minAge,
    ...(row.depositCode === null ? {} : { depositCode: row.depositCode }),
    ...(row.snapEligible === 1 ? { snapEligible: true } : {}),
    ...(row.serialised === 1 ? { serialised: true } : {}),
    ...(row.category === null ? {} : { category: row.category }),
  };
}

const MAX_SEARCH_WORDS = 6;
/**
 * Matches sorted by name per search. A vaguer search ("a") is not sorted in full (that would
 * take tens of ms on a large catalog): the first SEARCH_CANDIDATES matches in index order are;
 * typing more letters narrows it.
 */
const SEARCH_CANDIDATES = 500;
/** A word the index can match: it holds a letter, a digit or a combining mark. */
const WORD_CHARACTER = /[\p{L}\p{N}\p{M}]/u;

/**
 * The FTS5 query for what the cashier typed: every word must start a word of the name
 * ("org mil" finds "Organic Milk"). Each word goes in as a quoted phrase with a prefix star,
 * so FTS5 syntax (`"`, `*`, `(`, `-`, `AND`, `NEAR`, `:`) is only ever text; words that are
 * only punctuation are left out. Null when nothing searchable is left.
 */
export function ftsQuery(text: string): string | null {
  const words = text
    .split(/\s+/)
    .filter((w) => WORD_CHARACTER.test(w))
    .slice(0, MAX_SEARCH_WORDS);
  if (words.length === 0) return null;
  return words.map((w) => `"${w.replaceAll('"', '""')}"*`).join(" ");
}

export class LocalCatalog {
  private readonly byCodeStmt: Statement<ProductRow, [string]>;
  private readonly byBarcodeStmt: Statement<ProductRow, [string]>;
  private readonly byPackBarcodeStmt: Statement<ProductRow & { packQtyMilli: number }, [string]>;
  private readonly upsertStmt: Statement<
    unknown,
    [
      string,
      string,
      number,
      string | null,
      string | null,
      number,
      number,
      string,
      number,
      number,
      number | null,
      string | null,
      number,
      number,
      string | null,
    ]
  >;
  private readonly clearBarcodesStmt: Statement<unknown, [string]>;
  private readonly addBarcodeStmt: Statement<unknown, [string, string, number | null]>;
  private readonly searchStmt: Statement<ProductRow, [string, number]>;
  private readonly finder = {
    byCode: (code: string): CachedProduct | null => {
      const row = this.byCodeStmt.get(code);
      return row ? toProduct(row) : null;
    },
    byBarcode: (key: string): CachedProduct | null => {
      const row = this.byBarcodeStmt.get(key);
      return row ? toProduct(row) : null;
    },
    byPackBarcode: (key: string): { product: CachedProduct; qtyMilli: number } | null => {
      const row = this.byPackBarcodeStmt.get(key);
      return row ? { product: toProduct(row), qtyMilli: row.packQtyMilli } : null;
    },
  };

  constructor(private readonly sqlite: Database) {
    this.byCodeStmt = sqlite.prepare(`SELECT ${COLUMNS} FROM products p WHERE p.code = ?`);
    this.byBarcodeStmt = sqlite.prepare(
      `SELECT ${COLUMNS} FROM barcodes b JOIN products p ON p.code = b.product_code
       WHERE b.barcode = ? AND b.pack_qty_milli IS NULL`,
    );
    this.byPackBarcodeStmt = sqlite.prepare(
      `SELECT ${COLUMNS}, b.pack_qty_milli AS packQtyMilli FROM barcodes b JOIN products p ON p.code = b.product_code
       WHERE b.barcode = ? AND b.pack_qty_milli IS NOT NULL`,
    );
    this.searchStmt = sqlite.prepare(
      `SELECT * FROM (
         SELECT ${COLUMNS} FROM products_fts f JOIN products p ON p.id = f.rowid
         WHERE products_fts MATCH ? AND p.active = 1 LIMIT ${SEARCH_CANDIDATES}
       ) ORDER BY name COLLATE NOCASE, code LIMIT ?`,
    );
    this.upsertStmt = sqlite.prepare(
      `INSERT INTO products (code, name, price_minor, tax_class, department, sold_by_weight, open_price, unit, active, change_seq,
         min_age, deposit_code, snap_eligible, serialised, category)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(code) DO UPDATE SET name = excluded.name, price_minor = excluded.price_minor,
         tax_class = excluded.tax_class, department = excluded.department,
         sold_by_weight = excluded.sold_by_weight, open_price = excluded.open_price,
         unit = excluded.unit, active = excluded.active, change_seq = excluded.change_seq,
         min_age = excluded.min_age, deposit_code = excluded.deposit_code, snap_eligible = excluded.snap_eligible,
         serialised = excluded.serialised, category = excluded.category
       WHERE excluded.change_seq >= products.change_seq`,
    );
    this.clearBarcodesStmt = sqlite.prepare("DELETE FROM barcodes WHERE product_code = ?");
    this.addBarcodeStmt = sqlite.prepare(
      `INSERT INTO barcodes (barcode, product_code, pack_qty_milli) VALUES (?, ?, ?)
       ON CONFLICT(barcode) DO UPDATE SET product_code = excluded.product_code, pack_qty_milli = excluded.pack_qty_milli`,
    );
  }

  /** A product by its code (a deposit product named by another), or null. */
  byCode(code: string): CachedProduct | null {
    return this.finder.byCode(code);
  }

  /**
   * Resolves a scanned or typed code locally (synchronous). Throws UNKNOWN_CODE,
   * BAD_CHECK_DIGIT, INVALID_CODE, or PRODUCT_INACTIVE for an item the store took off sale.
   */
  lookup(code: string, rules: readonly EmbeddedRule[]): CodeResolution<CachedProduct> {
    const found = resolveCode(code, this.finder, rules);
    if (!found.product.active) {
      throw new ProductInactiveError(`${found.product.name} (${found.product.code}) is not for sale`, {
        code: found.product.code,
      });
    }
    return found;
  }

  /**
   * Products on sale with a name word starting with each word of `text` (case- and
   * diacritics-insensitive, from the FTS5 index), by name; at most SEARCH_CANDIDATES.
   */
  search(text: string, limit: number): CachedProduct[] {
    const query = ftsQuery(text);
    if (query === null || limit < 1) return [];
    return this.searchStmt.all(query, Math.min(Math.floor(limit), SEARCH_CANDIDATES)).map(toProduct);
  }

  /**
   * Applies `rows[from]` onwards in the caller's transaction until `maxRows` rows are written
   * or `budgetMs` has passed (at least one row); answers the index after the last one applied.
   */
  applySome(rows: readonly CatalogProduct[], from: number, maxRows: number, budgetMs: number): number {
    const end = Math.min(rows.length, from + Math.max(1, maxRows));
    const deadline = performance.now() + budgetMs;
    let at = from;
    while (at < end) {
      const p = rows[at++];
      if (p) this.applyOne(p);
      if ((at - from) % 16 === 0 && performance.now() >= deadline) break;
    }
    return at;
  }

  /**
   * Keeps one product the store answered for a code this till did not know (its own short
   * transaction, outside the sync): the next scan of it is local.
   */
  keep(product: CatalogProduct): void {
    this.sqlite.transaction(() => this.applyOne(product))();
  }

  /**
   * Writes a product unless the till already has a later version of it (a product asked of the
   * store at a scan can be newer than the page a sync is writing).
   */
  private applyOne(p: CatalogProduct): void {
    const written = this.upsertStmt.run(
      p.code,
      p.name,
      p.priceMinor,
      p.taxClass,
      p.department,
      p.soldByWeight ? 1 : 0,
      p.openPrice ? 1 : 0,
      p.unit,
      p.active ? 1 : 0,
      p.changeSeq,
      p.minAge ?? null,
      p.depositCode ?? null,
      p.snapEligible ? 1 : 0,
      p.serialised ? 1 : 0,
      p.category ?? null,
    );
    if (written.changes === 0) return;
    this.clearBarcodesStmt.run(p.code);
    for (const barcode of new Set(p.barcodes.map(barcodeKey))) this.addBarcodeStmt.run(barcode, p.code, null);
    for (const pack of p.packs ?? []) {
      if (pack.barcode !== undefined)
        this.addBarcodeStmt.run(barcodeKey(pack.barcode), p.code, unitsToMilli(pack.qty));
    }
  }

  count(): number {
    return this.sqlite.query<{ n: number }, []>("SELECT count(*) AS n FROM products").get()?.n ?? 0;
  }
}

/** The product as the screens see it (without the cache's own fields). */
export function tillProduct(product: CachedProduct): TillProduct {
  const { active: _active, ...rest } = product;
  return rest;
}
