/**
 * Chain sales reports from the sales, returns, tenders and taxes ingested from every store:
 * the fields of a store's daily report over a range of business days, per store and for the
 * chain, and breakdowns by day, department and product. Nothing here knows HTTP.
 */
import type { Database } from "bun:sqlite";
import { asc } from "drizzle-orm";
import { stores } from "../../../schema/hq.ts";
import {
  type DayLine,
  type DepartmentLine,
  type Figures,
  MAX_RANGE_DAYS,
  type ProductLine,
  type ReportQuery,
  type SalesFigures,
  type SalesReport,
} from "../../api/hq/reports.ts";
import { foldTaxRows, type TaxRow } from "../../core/report-figures.ts";
import type { HqContext } from "../context.ts";
import { InvalidRangeError } from "../errors.ts";
import {
  CURRENCY_BY_STORE,
  documentSums,
  lineSums,
  type ReportParams,
  TAXES_BY_STORE,
  TENDERS_BY_STORE,
  VOIDED_BY_STORE,
} from "./queries.ts";

/** The tender type change is given in. */
const CASH = "cash";

interface DocRow {
  k: string;
  n: number;
  gross: number | null;
  discount: number | null;
  tax: number | null;
  total: number | null;
  change: number | null;
}

interface LineRow {
  n: number;
  qty: number | null;
  gross: number | null;
  discount: number | null;
  tax: number | null;
  net: number | null;
  total: number | null;
}

const ZERO: Figures = { grossMinor: 0, discountMinor: 0, netMinor: 0, taxMinor: 0, totalMinor: 0 };

function docFigures(row: DocRow | undefined): Figures {
  const total = row?.total ?? 0;
  const tax = row?.tax ?? 0;
  return {
    grossMinor: row?.gross ?? 0,
    discountMinor: row?.discount ?? 0,
    netMinor: total - tax,
    taxMinor: tax,
    totalMinor: total,
  };
}

function lineFigures(row: LineRow | undefined): Figures {
  return {
    grossMinor: row?.gross ?? 0,
    discountMinor: row?.discount ?? 0,
    netMinor: row?.net ?? 0,
    taxMinor: row?.tax ?? 0,
    totalMinor: row?.total ?? 0,
  };
}

function add(a: Figures, b: Figures, sign: 1 | -1 = 1): Figures {
  return {
    grossMinor: a.grossMinor + sign * b.grossMinor,
    discountMinor: a.discountMinor + sign * b.discountMinor,
    netMinor: a.netMinor + sign * b.netMinor,
    taxMinor: a.taxMinor + sign * b.taxMinor,
    totalMinor: a.totalMinor + sign * b.totalMinor,
  };
}

function dayNumber(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / 86_400_000;
}

function byKey<T extends { k: string }>(rows: T[]): Map<string, T> {
  return new Map(rows.map((r) => [r.k, r]));
}

export class ChainReportsService {
  private readonly sqlite: Database;
  constructor(private readonly ctx: HqContext) {
    this.sqlite = ctx.sqlite;
  }

  private params(q: ReportQuery): ReportParams {
    const days = dayNumber(q.to) - dayNumber(q.from) + 1;
    if (days < 1) {
      throw new InvalidRangeError("INVALID_RANGE", `to (${q.to}) is before from (${q.from})`, q);
    }
    if (days > MAX_RANGE_DAYS) {
      throw new InvalidRangeError(
        "RANGE_TOO_LONG",
        `the range ${q.from}…${q.to} spans ${days} days; ask for at most ${MAX_RANGE_DAYS} at a time`,
        { ...q, days },
      );
    }
    return [q.from, q.to, q.storeId ?? null];
  }

  private all<T>(sql: string, p: ReportParams): T[] {
    return this.sqlite.query<T, ReportParams>(sql).all(...p);
  }

  /** The daily report's fields over the range, per store and for the chain (or one store). */
  sales(q: ReportQuery): SalesReport {
    const p = this.params(q);
    const sold = byKey(this.all<DocRow>(documentSums("sale", "store_id"), p));
    const returned = byKey(this.all<DocRow>(documentSums("return", "store_id"), p));
    const voided = byKey(this.all<{ k: string; n: number }>(VOIDED_BY_STORE, p));
    const currencies = byKey(this.all<{ k: string; currency: string; n: number }>(CURRENCY_BY_STORE, p));
    const tenders = this.all<{ k: string; type: string; kind: string; amount: number }>(TENDERS_BY_STORE, p);
    const taxes = this.all<TaxRow & { k: string }>(TAXES_BY_STORE, p);
    const registry = new Map(
      this.ctx.db
        .select({ storeId: stores.storeId, name: stores.name, currency: stores.currency })
        .from(stores)
        .orderBy(asc(stores.storeId))
        .all()
        .map((s) => [s.storeId, s] as const),
    );
    const ids = new Set<string>(q.storeId === undefined ? registry.keys() : [q.storeId]);
    for (const m of [sold, returned, voided]) for (const k of m.keys()) ids.add(k);

    const perStore = [...ids].sort().map((storeId) => {
      const s = sold.get(storeId);
      const r = returned.get(storeId);
      const byTender: Record<string, number> = {};
      for (const t of tenders.filter((t) => t.k === storeId)) {
        byTender[t.type] = (byTender[t.type] ?? 0) + (t.kind === "sale" ? t.amount : -t.amount);
      }
      const change = s?.change ?? 0;
      if (change !== 0) byTender[CASH] = (byTender[CASH] ?? 0) - change;
      const seen = currencies.get(storeId);
      const currency =
        seen === undefined ? (registry.get(storeId)?.currency ?? null) : seen.n === 1 ? seen.currency : null;
      const figures: SalesFigures = {
        currency,
        salesCount: s?.n ?? 0,
        returnsCount: r?.n ?? 0,
        voidedCount: voided.get(storeId)?.n ?? 0,
        ...add(docFigures(s), docFigures(r), -1),
        byTender: sortedRecord(byTender),
        byTaxClass: foldTaxRows(taxes.filter((t) => t.k === storeId)),
      };
      return { storeId, name: registry.get(storeId)?.name ?? null, ...figures };
    });
    return { from: q.from, to: q.to, total: sumFigures(perStore, taxes), stores: perStore };
  }

  /** Every day of the range with its sales minus returns (days without any show zeros). */
  byDay(q: ReportQuery): { from: string; to: string; storeId: string | null; days: DayLine[] } {
    const p = this.params(q);
    const sold = byKey(this.all<DocRow>(documentSums("sale", "day"), p));
    const returned = byKey(this.all<DocRow>(documentSums("return", "day"), p));
    const days: DayLine[] = [];
    for (let d = dayNumber(q.from); d <= dayNumber(q.to); d++) {
      const date = new Date(d * 86_400_000).toISOString().slice(0, 10);
      const s = sold.get(date);
      const r = returned.get(date);
      days.push({
        date,
        salesCount: s?.n ?? 0,
        returnsCount: r?.n ?? 0,
        ...add(docFigures(s), docFigures(r), -1),
      });
    }
    return { from: q.from, to: q.to, storeId: q.storeId ?? null, days };
  }

  /** Sales minus returns by department, largest net first. */
  byDepartment(q: ReportQuery): {
    from: string;
    to: string;
    storeId: string | null;
    departments: DepartmentLine[];
  } {
    const p = this.params(q);
    type Row = LineRow & { department: string | null };
    const select = "l.department AS department";
    const lines = new Map<string | null, DepartmentLine>();
    const line = (department: string | null): DepartmentLine => {
      const found = lines.get(department) ?? { department, lineCount: 0, returnLineCount: 0, ...ZERO };
      lines.set(department, found);
      return found;
    };
    for (const row of this.all<Row>(lineSums("sale", select, "l.department"), p)) {
      Object.assign(line(row.department), lineFigures(row), { lineCount: row.n });
    }
    for (const row of this.all<Row>(lineSums("return", select, "l.department"), p)) {
      const l = line(row.department);
      Object.assign(l, add(l, lineFigures(row), -1), { returnLineCount: row.n });
    }
    const departments = [...lines.values()].sort(
      (a, b) => b.netMinor - a.netMinor || String(a.department).localeCompare(String(b.department)),
    );
    return { from: q.from, to: q.to, storeId: q.storeId ?? null, departments };
  }

  /** Sales minus returns by product, largest net first, at most `limit` products. */
  byProduct(
    q: ReportQuery,
    limit: number,
  ): { from: string; to: string; storeId: string | null; products: ProductLine[] } {
    const p = this.params(q);
    type Row = LineRow & { code: string; name: string; department: string | null };
    const select = "l.code AS code, max(l.name) AS name, max(l.department) AS department";
    const lines = new Map<string, ProductLine>();
    const line = (row: Row): ProductLine => {
      const found = lines.get(row.code) ?? {
        code: row.code,
        name: row.name,
        department: row.department,
        qtyMilli: 0,
        lineCount: 0,
        returnLineCount: 0,
        ...ZERO,
      };
      lines.set(row.code, found);
      return found;
    };
    for (const row of this.all<Row>(lineSums("sale", select, "l.code"), p)) {
      Object.assign(line(row), lineFigures(row), { lineCount: row.n, qtyMilli: row.qty ?? 0 });
    }
    for (const row of this.all<Row>(lineSums("return", select, "l.code"), p)) {
      const l = line(row);
      Object.assign(l, add(l, lineFigures(row), -1), {
        returnLineCount: row.n,
        qtyMilli: l.qtyMilli - (row.qty ?? 0),
      });
    }
    const products = [...lines.values()]
      .sort((a, b) => b.netMinor - a.netMinor || a.code.localeCompare(b.code))
      .slice(0, limit);
    return { from: q.from, to: q.to, storeId: q.storeId ?? null, products };
  }
}

function sortedRecord(record: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}

/** The chain total: every store's figures added, tenders and tax classes merged. */
function sumFigures(perStore: readonly SalesFigures[], taxes: readonly TaxRow[]): SalesFigures {
  const byTender: Record<string, number> = {};
  let figures = ZERO;
  let salesCount = 0;
  let returnsCount = 0;
  let voidedCount = 0;
  const currencies = new Set<string | null>();
  for (const s of perStore) {
    figures = add(figures, s);
    salesCount += s.salesCount;
    returnsCount += s.returnsCount;
    voidedCount += s.voidedCount;
    if (s.salesCount + s.returnsCount + s.voidedCount > 0 || perStore.length === 1)
      currencies.add(s.currency);
    for (const [type, amount] of Object.entries(s.byTender)) byTender[type] = (byTender[type] ?? 0) + amount;
  }
  const only = currencies.size === 1 ? [...currencies][0] : undefined;
  return {
    currency: only ?? (currencies.size === 0 ? (perStore[0]?.currency ?? null) : null),
    salesCount,
    returnsCount,
    voidedCount,
    ...figures,
    byTender: sortedRecord(byTender),
    byTaxClass: foldTaxRows(taxes),
  };
}
