/**
 * The figures every sales report shares, at a store and at head office: sales minus returns,
 * voided sales left out, money in minor units.
 */
import { z } from "zod";

/** A business day, YYYY-MM-DD. */
export const reportDaySchema = z.iso.date({ error: "must be a date such as 2026-03-02 (YYYY-MM-DD)" });

/** Most days one report may span. */
export const MAX_REPORT_RANGE_DAYS = 366;

export interface Figures {
  /** Lines as priced, before discounts (gross when prices include tax). */
  grossMinor: number;
  discountMinor: number;
  /** Revenue after discounts, without tax. */
  netMinor: number;
  taxMinor: number;
  /** What customers paid: after discounts, with tax. */
  totalMinor: number;
}

export interface TaxClassLine {
  taxClass: string;
  rate: string;
  baseMinor: number;
  taxMinor: number;
}

/** Tax rows of sales and returns by class and rate, as SQL groups them. */
export interface TaxRow {
  taxClass: string;
  rate: string;
  kind: "sale" | "return";
  base: number;
  tax: number;
}

/** Base and tax per class and rate: sales minus returns, sorted by class then rate. */
export function foldTaxRows(rows: Iterable<TaxRow>): TaxClassLine[] {
  const lines = new Map<string, TaxClassLine>();
  for (const row of rows) {
    const key = `${row.taxClass}\u0000${row.rate}`;
    const l = lines.get(key) ?? { taxClass: row.taxClass, rate: row.rate, baseMinor: 0, taxMinor: 0 };
    const sign = row.kind === "sale" ? 1 : -1;
    l.baseMinor += sign * row.base;
    l.taxMinor += sign * row.tax;
    lines.set(key, l);
  }
  return [...lines.values()].sort(
    (a, b) => a.taxClass.localeCompare(b.taxClass, "en", { numeric: true }) || a.rate.localeCompare(b.rate),
  );
}
