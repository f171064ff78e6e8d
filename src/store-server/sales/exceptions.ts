/**
 * Price exceptions: where a till's sale as rung differs from the store's catalog when the store
 * records it (a price changed at head office after the till synced, a tax rate changed, a
 * product unknown here or withdrawn). The sale is kept as rung; each difference is listed for a
 * manager, journaled (`exception.recorded`) and replicated to head office.
 */
import { and, asc, gte, lt, lte } from "drizzle-orm";
import { z } from "zod";
import { priceExceptions } from "../../../schema/store.ts";
import type { RungSaleRequest } from "../../api/store/sales.ts";
import { normalizeRate } from "../../core/as-rung.ts";
import type { ExceptionReportRow, PriceExceptionRow } from "../../core/events/sale-events.ts";
import { departmentIdOf } from "../../core/open-department.ts";
import { priceBasket } from "../../core/pricing.ts";
import type { StoreContext, StoreTx } from "../context.ts";
import { statementsOf } from "../db/statements.ts";
import { appendEvent } from "../journal/journal.ts";
import { departmentLineExceptions } from "./department-lines.ts";

/** One difference of a sale's line from the catalog; the report's row adds the sale it is in. */
export type PriceException = PriceExceptionRow;
export type ExceptionRow = ExceptionReportRow;

type RungLine = RungSaleRequest["lines"][number];

/** The tax the store's catalog would put on the line's own amount. */
function catalogTax(
  ctx: StoreContext,
  line: RungLine,
  qtyMilli: number,
  taxClass: string | null,
): number | null {
  try {
    const quote = priceBasket(
      {
        lines: [
          {
            code: line.code,
            name: line.name,
            qtyMilli,
            unitPriceMinor: line.unitPriceMinor,
            taxClass,
            ...(line.discountMinor > 0 ? { discount: { amountMinor: line.discountMinor } } : {}),
          },
        ],
      },
      { ...ctx.pricing, taxRounding: "line" },
    );
    return quote.lines[0]?.taxMinor ?? null;
  } catch {
    return null;
  }
}

/** Every difference between the rung lines and the store's catalog now. */
/** A product as the catalog has it, for the comparison (null: unknown to the store). */
export interface CatalogRow {
  name: string;
  priceMinor: number;
  taxClass: string | null;
  active: number | boolean;
}

/**
 * The product's price and tax class in the store's catalog when the sale was made, from the
 * catalog's history in the journal; undefined when the journal has no change of it before then.
 */
function catalogAtSaleTime(
  ctx: StoreContext,
  code: string,
  saleAt: string,
): { priceMinor: number; taxClass: string | null } | undefined {
  const row = statementsOf(ctx.db).productAsOf.get(code, saleAt);
  if (!row) return undefined;
  const parsed = productStateSchema.safeParse(JSON.parse(row.payload));
  return parsed.success ? parsed.data : undefined;
}

const productStateSchema = z.object({ priceMinor: z.number().int(), taxClass: z.string().nullable() });

/**
 * Every difference between the rung lines and the store's catalog at the sale's time: the
 * catalog now, or, where the product changed since the sale was made (an offline till's sale
 * that arrives after a price change), the catalog as it stood then.
 */
export function findExceptions(
  ctx: StoreContext,
  catalogRows: readonly (CatalogRow | null | undefined)[],
  lines: readonly RungLine[],
  qtyMilli: readonly number[],
  saleAt: string,
): PriceException[] {
  const out: PriceException[] = [];
  const rates = new Map(ctx.settings.taxClasses.map((t) => [t.id, normalizeRate(t.rate)]));
  lines.forEach((line, i) => {
    const lineNo = i + 1;
    const departmentId = departmentIdOf(line.code);
    if (departmentId !== null) {
      const taxOf = (taxClass: string | null) => catalogTax(ctx, line, qtyMilli[i] ?? 1000, taxClass);
      out.push(...departmentLineExceptions(ctx, departmentId, line, lineNo, taxOf));
      return;
    }
    const product = catalogRows[i];
    if (!product) {
      out.push({
        lineNo,
        code: line.code,
        kind: "unknown",
        rungMinor: line.unitPriceMinor,
        catalogMinor: null,
        detail: `${line.name}: not in the store's catalog`,
      });
      return;
    }
    if (!product.active) {
      out.push({
        lineNo,
        code: line.code,
        kind: "inactive",
        rungMinor: line.unitPriceMinor,
        catalogMinor: product.priceMinor,
        detail: `${product.name}: withdrawn from sale in the store's catalog`,
      });
    }
    const source = line.priceSource ?? "catalog";
    const rungRate = line.taxRate === null ? null : normalizeRate(line.taxRate);
    const rateOf = (taxClass: string | null) => (taxClass === null ? null : (rates.get(taxClass) ?? null));
    const differs = (p: { priceMinor: number; taxClass: string | null }) =>
      (source === "catalog" && line.unitPriceMinor !== p.priceMinor) ||
      line.taxClass !== p.taxClass ||
      rungRate !== rateOf(p.taxClass);
    const then = differs(product) ? catalogAtSaleTime(ctx, line.code, saleAt) : undefined;
    const reference = then ?? product;
    if (source === "catalog" && line.unitPriceMinor !== reference.priceMinor) {
      out.push({
        lineNo,
        code: line.code,
        kind: "price",
        rungMinor: line.unitPriceMinor,
        catalogMinor: reference.priceMinor,
        detail: null,
      });
    }
    const catalogRate = rateOf(reference.taxClass);
    if (line.taxClass !== reference.taxClass || rungRate !== catalogRate) {
      out.push({
        lineNo,
        code: line.code,
        kind: "tax",
        rungMinor: line.taxMinor,
        catalogMinor: catalogTax(ctx, line, qtyMilli[i] ?? 1000, reference.taxClass),
        detail: `rung as tax class ${line.taxClass ?? "none"} at ${rungRate ?? "0"}%; the catalog says ${reference.taxClass ?? "none"} at ${catalogRate ?? "0"}%`,
      });
    }
  });
  return out;
}

/** Keeps the exceptions of a recorded sale and journals them, in the sale's transaction. */
export function recordExceptions(
  ctx: StoreContext,
  tx: StoreTx,
  sale: { id: string; receiptNo: string; tillId: string; at: Date; day: string },
  exceptions: readonly PriceException[],
): void {
  if (exceptions.length === 0) return;
  const at = sale.at.toISOString();
  for (const e of exceptions) {
    tx.insert(priceExceptions)
      .values({ saleId: sale.id, receiptNo: sale.receiptNo, tillId: sale.tillId, at, day: sale.day, ...e })
      .onConflictDoNothing()
      .run();
  }
  appendEvent(
    tx,
    ctx.storeId,
    "exception.recorded",
    {
      saleId: sale.id,
      receiptNo: sale.receiptNo,
      tillId: sale.tillId,
      at,
      day: sale.day,
      exceptions: [...exceptions],
    },
    sale.at,
  );
}

/** Exceptions of sales between two business days (inclusive) or two instants (`to` excluded). */
export function listExceptions(ctx: StoreContext, from: string, to: string): ExceptionRow[] {
  const byDay = from.length === 10 && to.length === 10;
  const where = byDay
    ? and(gte(priceExceptions.day, from), lte(priceExceptions.day, to))
    : and(gte(priceExceptions.at, from), lt(priceExceptions.at, to));
  return ctx.db
    .select()
    .from(priceExceptions)
    .where(where)
    .orderBy(asc(priceExceptions.at), asc(priceExceptions.saleId), asc(priceExceptions.lineNo))
    .limit(10_000)
    .all()
    .map((r) => ({
      saleId: r.saleId,
      receiptNo: r.receiptNo,
      tillId: r.tillId,
      at: r.at,
      day: r.day,
      lineNo: r.lineNo,
      code: r.code,
      kind: r.kind,
      rungMinor: r.rungMinor,
      catalogMinor: r.catalogMinor,
      detail: r.detail,
    }));
}
