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
