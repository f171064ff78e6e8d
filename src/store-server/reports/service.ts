/**
 * Sales reports from the store's own records, by business day (the `day` columns, in the
 * store's time zone): sales minus returns, voided sales left out. Plain SQL aggregates over
 * the day indexes; nothing here knows HTTP.
 */
import type { Database } from "bun:sqlite";
import {
  type CashierLine,
  type DailyReport,
  type DepartmentLine,
  type HourLine,
  MAX_RANGE_DAYS,
  type TaxClassLine,
  type TenderLine,
} from "../../api/store/reports.ts";
import { foldTaxRows, type TaxRow } from "../../core/report-figures.ts";
import { tenderLinesOf } from "../../shared/accounting/day.ts";
import type { StoreContext } from "../context.ts";
import { byCashier, byDepartment, byHour } from "./breakdowns.ts";
import { depositFigures } from "./deposits.ts";
import { ReportError } from "./errors.ts";
import { documentFigures, minus, type SqlSums } from "./figures.ts";

/** The tender type change is given in. */
export const CASH = "cash";

export type DocSums = SqlSums & { n: number; change: number | null };

interface TenderRow {
  type: string;
  kind: "sale" | "return";
  n: number;
  amount: number;
}

export type { TaxRow };

export const SALE_SUMS = `SELECT count(*) AS n, sum(subtotal_minor) AS gross, sum(discount_minor) AS discount,
  sum(tax_minor) AS tax, sum(total_minor) AS total, sum(change_minor) AS change
  FROM sales WHERE day BETWEEN ?1 AND ?2 AND status = 'completed'`;
export const RETURN_SUMS = `SELECT count(*) AS n, sum(subtotal_minor) AS gross, sum(discount_minor) AS discount,
  sum(tax_minor) AS tax, sum(total_minor) AS total, 0 AS change
  FROM returns WHERE day BETWEEN ?1 AND ?2`;
/** Tenders of completed sales and of returns; a voided sale's tenders do not count. */
const TENDERS = `SELECT t.type AS type, t.doc_kind AS kind, count(*) AS n, sum(t.amount_minor) AS amount
  FROM tenders t LEFT JOIN sales s ON t.doc_kind = 'sale' AND s.id = t.doc_id
  WHERE t.day BETWEEN ?1 AND ?2 AND (t.doc_kind = 'return' OR s.status = 'completed')
  GROUP BY t.type, t.doc_kind`;
export const TAXES = `SELECT x.tax_class AS taxClass, x.rate AS rate, x.doc_kind AS kind,
  sum(x.base_minor) AS base, sum(x.tax_minor) AS tax
  FROM sale_taxes x LEFT JOIN sales s ON x.doc_kind = 'sale' AND s.id = x.doc_id
  WHERE x.day BETWEEN ?1 AND ?2 AND (x.doc_kind = 'return' OR s.status = 'completed')
  GROUP BY x.tax_class, x.rate, x.doc_kind`;

function dayNumber(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / 86_400_000;
}

export class ReportsService {
  private readonly sqlite: Database;
  constructor(private readonly ctx: StoreContext) {
    this.sqlite = ctx.sqlite;
  }

  private sums(sql: string, from: string, to: string): DocSums | null {
    return this.sqlite.query<DocSums, [string, string]>(sql).get(from, to);
  }

  tenderLines(from: string, to: string): TenderLine[] {
    const change = this.sums(SALE_SUMS, from, to)?.change ?? 0;
    return tenderLinesOf(this.sqlite.query<TenderRow, [string, string]>(TENDERS).all(from, to), change);
  }

  private taxLines(from: string, to: string): TaxClassLine[] {
    return foldTaxRows(this.sqlite.query<TaxRow, [string, string]>(TAXES).all(from, to));
  }

  daily(date: string): DailyReport {
    const sold = this.sums(SALE_SUMS, date, date);
    const returned = this.sums(RETURN_SUMS, date, date);
    const voided = this.sqlite
      .query<{ n: number }, [string]>("SELECT count(*) AS n FROM sales WHERE day = ?1 AND status = 'voided'")
      .get(date);
    const byTender: Record<string, number> = {};
    for (const t of this.tenderLines(date, date)) byTender[t.type] = t.netMinor;
    return {
      date,
      currency: this.ctx.settings.currency,
      salesCount: sold?.n ?? 0,
      returnsCount: returned?.n ?? 0,
      voidedCount: voided?.n ?? 0,
      ...minus(documentFigures(sold), documentFigures(returned)),
      byTender,
      byTaxClass: this.taxLines(date, date),
      deposits: depositFigures(this.sqlite, date, date),
    };
  }

  byTender(from: string, to: string): { from: string; to: string; currency: string; tenders: TenderLine[] } {
    const days = dayNumber(to) - dayNumber(from) + 1;
    if (days < 1) {
      throw new ReportError("INVALID_RANGE", `to (${to}) is before from (${from})`, { from, to });
    }
    if (days > MAX_RANGE_DAYS) {
      throw new ReportError(
        "RANGE_TOO_LONG",
        `the range ${from}…${to} spans ${days} days; ask for at most ${MAX_RANGE_DAYS} at a time`,
        { from, to, days },
      );
    }
    return { from, to, currency: this.ctx.settings.currency, tenders: this.tenderLines(from, to) };
  }

  byHour(date: string): { date: string; timeZone: string; hours: HourLine[] } {
    return { date, timeZone: this.ctx.settings.timeZone, hours: byHour(this.ctx, date) };
  }

  byDepartment(date: string): { date: string; departments: DepartmentLine[] } {
    return { date, departments: byDepartment(this.ctx, date) };
  }

  byCashier(date: string): { date: string; cashiers: CashierLine[] } {
    return { date, cashiers: byCashier(this.ctx, date) };
  }
}
