/**
 * The till's copy of the store's catalog: products and barcodes in SQLite, read with prepared
 * statements on primary keys (scanning is a local indexed lookup, never a network call), and
 * written one sync page per transaction. Code resolution is core's `resolveCode`, the same
 * algorithm the store answers `GET /products/lookup` with.
 */
import type { Database, Statement } from "bun:sqlite";
import { barcodeKey, type CodeResolution, resolveCode } from "../../core/code-resolution.ts";
import type { EmbeddedRule } from "../../core/embedded-barcode.ts";
import { DomainError } from "../../core/errors.ts";
import type { TillProduct } from "../services.ts";
import type { CatalogProduct } from "./store-answers.ts";

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
}

const COLUMNS =
  "p.code, p.name, p.price_minor AS priceMinor, p.tax_class AS taxClass, p.department, " +
  "p.sold_by_weight AS soldByWeight, p.open_price AS openPrice, p.unit, p.active";

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
  };
}

/** `%text%` for LIKE with its wildcards escaped. */
function containsPattern(word: string): string {
  return `%${word.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
}

const MAX_SEARCH_WORDS = 4;

export class LocalCatalog {
  private readonly byCodeStmt: Statement<ProductRow, [string]>;
  private readonly byBarcodeStmt: Statement<ProductRow, [string]>;
  private readonly upsertStmt: Statement<
    unknown,
    [string, string, number, string | null, string | null, number, number, string, number, number]
  >;
  private readonly clearBarcodesStmt: Statement<unknown, [string]>;
  private readonly addBarcodeStmt: Statement<unknown, [string, string]>;
  private readonly searchStmts = new Map<number, Statement<ProductRow, (string | number)[]>>();
  private readonly finder = {
    byCode: (code: string): CachedProduct | null => {
      const row = this.byCodeStmt.get(code);
      return row ? toProduct(row) : null;
    },
    byBarcode: (key: string): CachedProduct | null => {
      const row = this.byBarcodeStmt.get(key);
      return row ? toProduct(row) : null;
    },
  };

  constructor(private readonly sqlite: Database) {
    this.byCodeStmt = sqlite.prepare(`SELECT ${COLUMNS} FROM products p WHERE p.code = ?`);
    this.byBarcodeStmt = sqlite.prepare(
      `SELECT ${COLUMNS} FROM barcodes b JOIN products p ON p.code = b.product_code WHERE b.barcode = ?`,
    );
    this.upsertStmt = sqlite.prepare(
      `INSERT INTO products (code, name, price_minor, tax_class, department, sold_by_weight, open_price, unit, active, change_seq)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(code) DO UPDATE SET name = excluded.name, price_minor = excluded.price_minor,
         tax_class = excluded.tax_class, department = excluded.department,
         sold_by_weight = excluded.sold_by_weight, open_price = excluded.open_price,
         unit = excluded.unit, active = excluded.active, change_seq = excluded.change_seq`,
    );
    this.clearBarcodesStmt = sqlite.prepare("DELETE FROM barcodes WHERE product_code = ?");
    this.addBarcodeStmt = sqlite.prepare(
      `INSERT INTO barcodes (barcode, product_code) VALUES (?, ?)
       ON CONFLICT(barcode) DO UPDATE SET product_code = excluded.product_code`,
    );
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

  /** Products on sale whose name holds every word of `text` (case-insensitive), by name. */
  search(text: string, limit: number): CachedProduct[] {
    const words = text.trim().split(/\s+/).filter(Boolean).slice(0, MAX_SEARCH_WORDS);
    if (words.length === 0 || limit < 1) return [];
    let stmt = this.searchStmts.get(words.length);
    if (!stmt) {
      const where = words.map(() => "p.name LIKE ? ESCAPE '\\'").join(" AND ");
      stmt = this.sqlite.prepare(
        `SELECT ${COLUMNS} FROM products p WHERE p.active = 1 AND ${where} ORDER BY p.name LIMIT ?`,
      );
      this.searchStmts.set(words.length, stmt);
    }
    return stmt.all(...words.map(containsPattern), Math.min(Math.floor(limit), 500)).map(toProduct);
  }

  /** Applies one page of catalog changes, in the caller's transaction. */
  applyChanges(products: readonly CatalogProduct[]): void {
    for (const p of products) {
      this.upsertStmt.run(
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
      );
      this.clearBarcodesStmt.run(p.code);
      for (const barcode of new Set(p.barcodes.map(barcodeKey))) this.addBarcodeStmt.run(barcode, p.code);
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
