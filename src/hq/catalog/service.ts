/**
 * The chain catalog: products upserted by code, each change recorded in the change log in the
 * same transaction and handed to the publisher after the commit. Nothing here knows HTTP.
 */
import { asc, eq, gt } from "drizzle-orm";
import { hqProducts, storePrices, stores } from "../../../schema/hq.ts";
import type { HqProduct, ProductInput, RowError } from "../../api/hq/catalog.ts";
import { ALL_STORES, type CatalogChange, type ProductChangeValue } from "../../core/catalog-changes.ts";
import { requiredProductFields } from "../../core/product-input.ts";
import { storeSettingsSchema } from "../../core/settings.ts";
import type { HqContext, HqDb, HqTx } from "../context.ts";
import { ProductNotApplicableError } from "../errors.ts";
import { recordChange } from "./change-log.ts";
import { hqStockFieldsOf, stockValueOf } from "./stock-fields.ts";

type ProductRow = typeof hqProducts.$inferSelect;

/** Stores with their own price for a product. */
export function storePricesOf(db: HqDb | HqTx, code: string): Record<string, number> {
  const out: Record<string, number> = {};
  const rows = db
    .select({ storeId: storePrices.storeId, priceMinor: storePrices.priceMinor })
    .from(storePrices)
    .where(eq(storePrices.code, code))
    .orderBy(asc(storePrices.storeId))
    .all();
  for (const row of rows) out[row.storeId] = row.priceMinor;
  return out;
}

function barcodesOf(row: ProductRow): string[] {
  const parsed: unknown = JSON.parse(row.barcodes);
  return Array.isArray(parsed) ? parsed.filter((b): b is string => typeof b === "string") : [];
}

export function toProductValue(row: ProductRow, prices: Record<string, number>): ProductChangeValue {
  return {
    code: row.code,
    name: row.name,
    barcodes: barcodesOf(row),
    priceMinor: row.priceMinor,
    storePrices: prices,
    taxClass: row.taxClass,
    department: row.department,
    soldByWeight: row.soldByWeight,
    openPrice: row.openPrice,
    costMinor: row.costMinor,
    unit: row.unit === "kg" || row.unit === "lb" || row.unit === "l" ? row.unit : "each",
    active: row.active,
    minAge: row.minAge,
    ...stockValueOf(row),
    serialised: row.serialised,
  };
}

/** Hands committed changes to the publisher; a failing publisher never fails the request. */
export function publishCommitted(ctx: HqContext, changes: readonly CatalogChange[]): void {
  if (changes.length === 0) return;
  try {
    ctx.publisher.published(changes);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    ctx.log(`hq: handing changes up to seq ${changes.at(-1)?.seq} to the publisher failed: ${reason}`);
  }
}

export class CatalogService {
  constructor(private readonly ctx: HqContext) {}

  get(code: string): HqProduct | null {
    const row = this.ctx.db.select().from(hqProducts).where(eq(hqProducts.code, code)).get();
    return row
      ? { ...toProductValue(row, storePricesOf(this.ctx.db, code)), updatedAt: row.updatedAt }
      : null;
  }

  /** Products changed after a time (all without one), by code. */
  list(changedSince?: string): HqProduct[] {
    const since = changedSince === undefined ? undefined : new Date(changedSince).toISOString();
    const base = this.ctx.db.select().from(hqProducts);
    const rows = (since === undefined ? base : base.where(gt(hqProducts.updatedAt, since)))
      .orderBy(asc(hqProducts.code))
      .all();
    const prices = new Map<string, Record<string, number>>();
    for (const p of this.ctx.db.select().from(storePrices).all()) {
      const found = prices.get(p.code) ?? {};
      found[p.storeId] = p.priceMinor;
      prices.set(p.code, found);
    }
    return rows.map((row) => ({
      ...toProductValue(row, prices.get(row.code) ?? {}),
      updatedAt: row.updatedAt,
    }));
  }

  /**
   * Creates or updates a product (fields left out keep their values; a new product needs a
   * name and a price) and records the whole product as the change for every store. `priceMinor` is the chain price from now on; stores with their own
   * price keep it.
   */
  upsertInTx(tx: HqTx, input: ProductInput, at: Date): { change: CatalogChange; created: boolean } {
    const now = at.toISOString();
    const existing = tx.select().from(hqProducts).where(eq(hqProducts.code, input.code)).get();
    const barcodes =
      input.barcodes !== undefined ? [...new Set(input.barcodes)] : existing ? barcodesOf(existing) : [];
    const { name, priceMinor } = requiredProductFields(input, existing);
    // Fields left out keep the product's values (CONTRACT.md: POST /products is an upsert).
    const soldByWeight = input.soldByWeight ?? existing?.soldByWeight ?? false;
    const values = {
      code: input.code,
      name,
      barcodes: JSON.stringify(barcodes),
      priceMinor,
      taxClass: input.taxClass !== undefined ? input.taxClass : (existing?.taxClass ?? null),
      department: input.department !== undefined ? input.department : (existing?.department ?? null),
      soldByWeight,
      openPrice: input.openPrice ?? existing?.openPrice ?? false,
      costMinor: input.costMinor !== undefined ? input.costMinor : (existing?.costMinor ?? null),
      unit: input.unit ?? existing?.unit ?? (soldByWeight ? "kg" : "each"),
      active: input.active ?? existing?.active ?? true,
      minAge: input.minAge !== undefined ? input.minAge : (existing?.minAge ?? null),
      serialised: input.serialised ?? existing?.serialised ?? false,
      updatedAt: now,
      ...hqStockFieldsOf(tx, input, existing),
    };
    tx.insert(hqProducts)
      .values({ ...values, createdAt: now })
      .onConflictDoUpdate({ target: hqProducts.code, set: values })
      .run();
    const row = { ...values, createdAt: existing?.createdAt ?? now };
    const change = recordChange(
      tx,
      {
        storeId: ALL_STORES,
        kind: "product",
        key: input.code,
        value: toProductValue(row, storePricesOf(tx, input.code)),
      },
      at,
    );
    return { change, created: existing === undefined };
  }

  /**
   * What keeps a product from being applied at the registered stores (they skip what they
   * cannot apply): a tax class a store lacks, a price over a store's ceiling. Empty when none.
   */
  private applicability(): (input: ProductInput) => string[] {
    const rows = this.ctx.db
      .select({ storeId: stores.storeId, settings: stores.settings })
      .from(stores)
      .all();
    const defaults = storeSettingsSchema.parse({});
    const each = rows.map((r) => {
      const settings = r.settings === null ? defaults : storeSettingsSchema.parse(JSON.parse(r.settings));
      return {
        storeId: r.storeId,
        taxClasses: new Set(settings.taxClasses.map((t) => t.id)),
        maxPriceMinor: settings.maxPriceMinor,
      };
    });
    return (input) => {
      const reasons: string[] = [];
      const taxClass = input.taxClass ?? null;
      const lacking = taxClass === null ? [] : each.filter((s) => !s.taxClasses.has(taxClass));
      if (lacking.length > 0) {
        reasons.push(`tax class "${taxClass}" is unknown at ${lacking.map((s) => s.storeId).join(", ")}`);
      }
      const priceMinor = input.priceMinor;
      const over = priceMinor === undefined ? [] : each.filter((s) => priceMinor > s.maxPriceMinor);
      if (over.length > 0) {
        reasons.push(
          `price ${input.priceMinor} is over the price limit of ${over.map((s) => `${s.storeId} (${s.maxPriceMinor})`).join(", ")}`,
        );
      }
      return reasons;
    };
  }

  upsert(input: ProductInput): { product: HqProduct; created: boolean } {
    const reasons = this.applicability()(input);
    if (reasons.length > 0) throw new ProductNotApplicableError(input.code, reasons);
    const at = this.ctx.now();
    const { change, created } = this.ctx.db.transaction((tx) => this.upsertInTx(tx, input, at));
    publishCommitted(this.ctx, [change]);
    const product = this.get(input.code);
    if (!product) throw new Error(`product ${input.code} vanished after it was saved`);
    return { product, created };
  }

  /**
   * Imports many products in one transaction (rows are already schema-checked). A repeated
   * code is reported with its line and only its first row imported; with `strict`, nothing is
   * imported when any row is reported.
   */
  bulkUpsert(
    rows: readonly (ProductInput & { line?: number | undefined })[],
    strict: boolean,
  ): { imported: number; errors: RowError[] } {
    const at = this.ctx.now();
    const errors: RowError[] = [];
    const changes: CatalogChange[] = [];
    const seen = new Set<string>();
    const problems = this.applicability();
    const unique = rows.filter((row) => {
      const reasons = problems(row);
      if (reasons.length > 0) {
        errors.push({ line: row.line ?? null, code: row.code, reason: reasons.join("; ") });
        return false;
      }
      if (!seen.has(row.code)) {
        seen.add(row.code);
        return true;
      }
      errors.push({ line: row.line ?? null, code: row.code, reason: `code "${row.code}" is repeated` });
      return false;
    });
    if (strict && errors.length > 0) return { imported: 0, errors };
    this.ctx.db.transaction((tx) => {
      for (const row of unique) changes.push(this.upsertInTx(tx, row, at).change);
    });
    publishCommitted(this.ctx, changes);
    return { imported: changes.length, errors };
  }
}
