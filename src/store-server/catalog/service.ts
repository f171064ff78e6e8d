/**
 * The store's catalog: products with several barcodes, departments, and code resolution for
 * the till (GS1 barcodes, PLU/product codes, price- and weight-embedded barcodes).
 */
import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";
import { barcodes, departments, products } from "../../../schema/store.ts";
import type {
  CategoryInput,
  DepartmentInput,
  LookupResult,
  Product,
  ProductInput,
  RowError,
} from "../../api/store/catalog.ts";
import { mergeStockColumns, stockFieldsOfColumns } from "../../core/catalog-stock.ts";
import { barcodeKey, embeddedRulesOf, resolveCode, UnknownCodeError } from "../../core/code-resolution.ts";
import type { EmbeddedRule } from "../../core/embedded-barcode.ts";
import { DomainError } from "../../core/errors.ts";
import { requiredProductFields } from "../../core/product-input.ts";
import { milliToDecimalString } from "../../core/quantity.ts";
import type { StoreSettings } from "../../core/settings.ts";
import type { StoreContext, StoreDb, StoreTx } from "../context.ts";
import { statementsOf } from "../db/statements.ts";
import { appendEvent } from "../journal/journal.ts";
import { promotionsChanged } from "../promotions/book.ts";
import { type DepartmentRecord, upsertDepartmentInTx } from "./departments.ts";
import { depositsFirst, requireDepositProduct } from "./deposits.ts";
import { CatalogError } from "./errors.ts";
import {
  type CategoryRecord,
  checkStockRefs,
  listCategories,
  ownBarcode,
  upsertCategoryInTx,
  writePackBarcodes,
} from "./stock-fields.ts";
import { catalogWatchOf } from "./watch.ts";

export { barcodeKey, UnknownCodeError };

export function embeddedRules(settings: StoreSettings): readonly EmbeddedRule[] {
  return embeddedRulesOf(settings);
}

/** Next value of a named counter, inside the caller's transaction. */
export function nextCounter(tx: StoreTx | StoreDb, name: string): number {
  const row = statementsOf(tx).nextCounter.get(name);
  if (!row) throw new Error(`counter ${name} did not advance`);
  return row.value;
}

type ProductRow = typeof products.$inferSelect;

/** Thrown inside an import transaction to undo it when `strict` and any row was bad. */
class StrictImportRollback extends Error {}

function rollingBackOnStrict(run: () => void): void {
  try {
    run();
  } catch (err) {
    if (!(err instanceof StrictImportRollback)) throw err;
  }
}

function toProduct(row: ProductRow, codes: string[]): Product {
  return {
    code: row.code,
    name: row.name,
    barcodes: codes,
    priceMinor: row.priceMinor,
    taxClass: row.taxClass,
    department: row.department,
    soldByWeight: row.soldByWeight,
    openPrice: row.openPrice,
    costMinor: row.costMinor,
    unit: row.unit,
    active: row.active,
    minAge: row.minAge,
    depositCode: row.depositCode,
    snapEligible: row.snapEligible,
    serialised: row.serialised,
    changeSeq: row.changeSeq,
    ...stockFieldsOfColumns(row),
  };
}

export class CatalogService {
  /** Lookups run on every scan and sale line: prepared once, not rebuilt per call. */
  private readonly queries;

  constructor(private readonly ctx: StoreContext) {
    const { db } = ctx;
    this.queries = {
      productByCode: db
        .select()
        .from(products)
        .where(eq(products.code, sql.placeholder("code")))
        .prepare(),
      barcodesOf: db
        .select({ barcode: barcodes.barcode })
        .from(barcodes)
        .where(and(eq(barcodes.productCode, sql.placeholder("code")), ownBarcode))
        .prepare(),
      productCodeByBarcode: db
        .select({ productCode: barcodes.productCode, packQtyMilli: barcodes.packQtyMilli })
        .from(barcodes)
        .where(eq(barcodes.barcode, sql.placeholder("barcode")))
        .prepare(),
    };
  }

  private checkRefs(input: ProductInput): void {
    const { settings } = this.ctx;
    if (input.taxClass && !settings.taxClasses.some((t) => t.id === input.taxClass)) {
      throw new CatalogError(
        "UNKNOWN_TAX_CLASS",
        `tax class "${input.taxClass}" is not configured at this store (known: ${settings.taxClasses.map((t) => t.id).join(", ") || "none"}); add it under [[taxClasses]] in the store's configuration, or leave taxClass out for an untaxed product`,
      );
    }
    if (input.priceMinor !== undefined && input.priceMinor > settings.maxPriceMinor) {
      throw new CatalogError(
        "PRICE_TOO_HIGH",
        `price ${input.priceMinor} is over the store's limit of ${settings.maxPriceMinor} minor units (maxPriceMinor)`,
      );
    }
  }

  /** Inserts or updates one product and its barcodes, inside the caller's transaction. */
  upsertInTx(tx: StoreTx, input: ProductInput, at: Date): Product {
    this.checkRefs(input);
    requireDepositProduct(tx, input);
    const changeSeq = nextCounter(tx, "catalog");
    const now = at.toISOString();
    // Fields left out keep the product's values (CONTRACT.md: POST /products is an upsert).
    const old = tx.select().from(products).where(eq(products.code, input.code)).get();
    const { name, priceMinor } = requiredProductFields(input, old);
    const soldByWeight = input.soldByWeight ?? old?.soldByWeight ?? false;
    const values = {
      code: input.code,
      name,
      priceMinor,
      taxClass: input.taxClass !== undefined ? input.taxClass : (old?.taxClass ?? null),
      department: input.department !== undefined ? input.department : (old?.department ?? null),
      soldByWeight,
      openPrice: input.openPrice ?? old?.openPrice ?? false,
      costMinor: input.costMinor !== undefined ? input.costMinor : (old?.costMinor ?? null),
      unit: input.unit ?? old?.unit ?? (soldByWeight ? "kg" : "each"),
      active: input.active ?? old?.active ?? true,
      minAge: input.minAge !== undefined ? input.minAge : (old?.minAge ?? null),
      depositCode: input.depositCode !== undefined ? input.depositCode : (old?.depositCode ?? null),
      snapEligible: input.snapEligible ?? old?.snapEligible ?? false,
      serialised: input.serialised ?? old?.serialised ?? false,
      changeSeq,
      updatedAt: now,
      ...mergeStockColumns(input, old),
    };
    tx.insert(products).values(values).onConflictDoUpdate({ target: products.code, set: values }).run();
    const keys = [...new Set((input.barcodes ?? []).map(barcodeKey))];
    if (input.packs !== undefined) writePackBarcodes(tx, input.code, input.packs);
    if (input.barcodes !== undefined) {
      tx.delete(barcodes)
        .where(and(eq(barcodes.productCode, input.code), ownBarcode))
        .run();
      for (const key of keys) {
        tx.insert(barcodes)
          .values({ barcode: key, productCode: input.code })
          .onConflictDoUpdate({
            target: barcodes.barcode,
            set: { productCode: input.code, packQtyMilli: null },
          })
          .run();
      }
    }
    const saved = this.barcodesOf(tx, input.code);
    // Tills waiting for changes come for it once this transaction is over.
    catalogWatchOf(this.ctx).catalogChanged();
    appendEvent(
      tx,
      this.ctx.storeId,
      "product.upserted",
      {
        code: values.code,
        name: values.name,
        barcodes: saved,
        priceMinor: values.priceMinor,
        taxClass: values.taxClass,
        department: values.department,
        soldByWeight: values.soldByWeight,
      },
      at,
    );
    return toProduct(values as ProductRow, saved);
  }

  upsert(input: ProductInput): Product {
    const at = this.ctx.now();
    return this.ctx.db.transaction((tx) => {
      checkStockRefs(tx, input);
      return this.upsertInTx(tx, input, at);
    });
  }

  /**
   * Imports many products in one transaction. Rows that break a store rule are reported with
   * their line; with `strict` nothing is imported when any row is bad.
   */
  bulkUpsert(rows: (ProductInput & { line?: number | undefined })[], strict: boolean) {
    const at = this.ctx.now();
    const errors: RowError[] = [];
    let imported = 0;
    rollingBackOnStrict(() =>
      this.ctx.db.transaction((tx) => {
        for (const row of depositsFirst(rows)) {
          try {
            checkStockRefs(tx, row);
            this.upsertInTx(tx, row, at);
            imported++;
          } catch (err) {
            if (!(err instanceof DomainError)) throw err;
            errors.push({ line: row.line ?? null, code: row.code, reason: err.message });
          }
        }
        if (strict && errors.length > 0) throw new StrictImportRollback();
      }),
    );
    return { imported: strict && errors.length > 0 ? 0 : imported, errors };
  }

  upsertDepartments(rows: (DepartmentInput & { line?: number | undefined })[], strict: boolean) {
    const errors: RowError[] = [];
    let imported = 0;
    rollingBackOnStrict(() =>
      this.ctx.db.transaction((tx) => {
        for (const row of rows) {
          try {
            upsertDepartmentInTx(this.ctx, tx, row);
            imported++;
          } catch (err) {
            if (!(err instanceof DomainError)) throw err;
            errors.push({ line: row.line ?? null, code: row.id, reason: err.message });
          }
        }
        if (strict && errors.length > 0) throw new StrictImportRollback();
      }),
    );
    return { imported: strict && errors.length > 0 ? 0 : imported, errors };
  }

  /** `POST /departments`: one department, created or updated (fields left out keep their values). */
  upsertDepartment(input: DepartmentInput): DepartmentRecord {
    return this.ctx.db.transaction((tx) => upsertDepartmentInTx(this.ctx, tx, input));
  }

  /** `POST /categories`: one category, created or updated; refuses a cycle. */
  upsertCategory(input: CategoryInput): CategoryRecord {
    const category = this.ctx.db.transaction((tx) => upsertCategoryInTx(tx, input));
    // Promotions on a category meet the products of the categories under it.
    promotionsChanged(this.ctx);
    return category;
  }

  listCategories(): CategoryRecord[] {
    return listCategories(this.ctx.db);
  }

  /** The variants of a product, by code (404 when the product is unknown). */
  variants(code: string): { code: string; variants: Product[] } {
    if (!this.queries.productByCode.get({ code })) {
      throw new CatalogError("UNKNOWN_CODE", `no product has the code "${code}"`);
    }
    const rows = this.ctx.db
      .select()
      .from(products)
      .where(eq(products.variantOf, code))
      .orderBy(asc(products.code))
      .all();
    return { code, variants: rows.map((r) => toProduct(r, this.barcodesOf(this.ctx.db, r.code))) };
  }

  listDepartments(): DepartmentRecord[] {
    return this.ctx.db.select().from(departments).orderBy(departments.id).all();
  }

  private barcodesOf(_tx: StoreTx | StoreDb, code: string): string[] {
    return this.queries.barcodesOf.all({ code }).map((r) => r.barcode);
  }

  get(code: string): Product | null {
    const row = this.queries.productByCode.get({ code });
    return row ? toProduct(row, this.barcodesOf(this.ctx.db, code)) : null;
  }

  /** Products changed after `sinceSeq`, in change order (for tills syncing their cache). */
  changes(sinceSeq: number, limit: number): { products: Product[]; lastSeq: number } {
    const rows = this.ctx.db
      .select()
      .from(products)
      .where(gt(products.changeSeq, sinceSeq))
      .orderBy(products.changeSeq)
      .limit(limit)
      .all();
    const codes = rows.map((r) => r.code);
    const byProduct = new Map<string, string[]>();
    if (codes.length > 0) {
      for (const b of this.ctx.db
        .select()
        .from(barcodes)
        .where(and(inArray(barcodes.productCode, codes), ownBarcode))
        .all()) {
        byProduct.set(b.productCode, [...(byProduct.get(b.productCode) ?? []), b.barcode]);
      }
    }
    return {
      products: rows.map((r) => toProduct(r, byProduct.get(r.code) ?? [])),
      lastSeq: rows.at(-1)?.changeSeq ?? sinceSeq,
    };
  }

  /**
   * As `changes`, but when nothing changed after `sinceSeq` waits up to `waitMs` for a change
   * and answers it at once; empty when the wait runs out, or when the settings changed (the
   * till then fetches them). TOO_MANY_WAITING when the store already has its fill of waiters.
   */
  async changesWaiting(
    sinceSeq: number,
    limit: number,
    waitMs: number,
    signal?: AbortSignal,
  ): Promise<{ products: Product[]; lastSeq: number }> {
    const watch = catalogWatchOf(this.ctx);
    const deadline = performance.now() + waitMs;
    for (;;) {
      const page = this.changes(sinceSeq, limit);
      const left = deadline - performance.now();
      if (page.products.length > 0 || left <= 0 || signal?.aborted) return page;
      // No await between reading the catalog and waiting: a change cannot slip in between.
      const woken = await watch.wait(left, signal);
      if (woken !== "catalog") return woken === "timeout" ? page : this.changes(sinceSeq, limit);
    }
  }

  /**
   * Resolves what a till scanned or typed: a product code / PLU, a GS1 barcode, or a
   * price-, weight- or count-embedded barcode. A GS1-length code with a wrong check digit that is not
   * a product code answers BAD_CHECK_DIGIT.
   */
  lookup(raw: string): LookupResult {
    const found = resolveCode(
      raw,
      {
        byCode: (code) => this.get(code),
        byBarcode: (key) => this.byBarcode(key),
        byPackBarcode: (key) => this.byPackBarcode(key),
      },
      embeddedRules(this.ctx.settings),
    );
    const result: LookupResult = { product: found.product, matchedBy: found.matchedBy };
    if (found.priceMinor !== undefined) result.priceMinor = found.priceMinor;
    if (found.qtyMilli !== undefined && found.qtyKind !== undefined) {
      result.qtyMilli = found.qtyMilli;
      result.qty = milliToDecimalString(found.qtyMilli);
      result.qtyKind = found.qtyKind;
    }
    return result;
  }

  /** Products whose name contains the text (case-insensitive), for finding items by name. */
  search(text: string, limit: number): Product[] {
    const pattern = `%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    return this.ctx.db
      .select()
      .from(products)
      .where(sql`${products.name} LIKE ${pattern} ESCAPE '\\' AND ${products.active} = 1`)
      .orderBy(products.name)
      .limit(limit)
      .all()
      .map((r) => toProduct(r, []));
  }

  private byBarcode(code: string): Product | null {
    const hit = this.queries.productCodeByBarcode.get({ barcode: barcodeKey(code) });
    return hit && hit.packQtyMilli === null ? this.get(hit.productCode) : null;
  }

  private byPackBarcode(key: string): { product: Product; qtyMilli: number } | null {
    const hit = this.queries.productCodeByBarcode.get({ barcode: key });
    if (!hit || hit.packQtyMilli === null) return null;
    const product = this.get(hit.productCode);
    return product ? { product, qtyMilli: hit.packQtyMilli } : null;
  }
}
