/** Shapes of the report API: query schemas (zod) and the answers. Money in minor units. */

import { z } from "zod";
import {
  type Figures,
  MAX_REPORT_RANGE_DAYS,
  reportDaySchema,
  type TaxClassLine,
} from "../../core/report-figures.ts";

export interface DepositFigures {
  collectedMinor: number;
  refundedMinor: number;
  /** collected − refunded: what deposits brought in (negative: more paid out than collected). */
  netMinor: number;
}

const day = reportDaySchema;

export const dayQuerySchema = z.object({ date: day });
export const rangeQuerySchema = z.object({ from: day, to: day });

export const MAX_RANGE_DAYS = MAX_REPORT_RANGE_DAYS;

export type { Figures, TaxClassLine };

export interface DailyReport extends Figures {
  date: string;
  currency: string;
  salesCount: number;
  returnsCount: number;
  voidedCount: number;
  /** Money taken per tender type: cash net of change given, every type net of refunds. */
  byTender: Record<string, number>;
  byTaxClass: TaxClassLine[];
  /** Bottle deposits collected with the items and refunded on returned empties. */
  deposits: DepositFigures;
}

export interface HourLine {
  /** Hour of the day in the store's time zone, 0–23. */
  hour: number;
  salesCount: number;
  returnsCount: number;
  netMinor: number;
  totalMinor: number;
}

export interface DepartmentLine extends Figures {
  department: string | null;
  name: string | null;
  /** Sale lines rung in the department, and lines returned. */
  lineCount: number;
  returnLineCount: number;
}

export interface CashierLine extends Figures {
  cashierId: string | null;
  name: string | null;
  salesCount: number;
  voidedCount: number;
  returnsCount: number;
  /** Money paid back on this cashier's returns (already subtracted from the figures). */
  refundedMinor: number;
}

export interface TenderLine {
  type: string;
  /** Tenders handed over on sales, and how many. */
  count: number;
  receivedMinor: number;
  /** Change given back (cash). */
  changeMinor: number;
  /** Paid back on returns. */
  refundedMinor: number;
  /** received − change − refunded. */
  netMinor: number;
}
