/** Shapes of head office's chain reports: the query (zod) and the answers. Money in minor units. */
import { z } from "zod";
import { storeIdSchema } from "../../core/ids.ts";
import {
  type Figures,
  MAX_REPORT_RANGE_DAYS,
  reportDaySchema,
  type TaxClassLine,
} from "../../core/report-figures.ts";

const day = reportDaySchema;

export const reportQuerySchema = z.object({ from: day, to: day, storeId: storeIdSchema.optional() });
export type ReportQuery = z.infer<typeof reportQuerySchema>;

export const productReportQuerySchema = reportQuerySchema.extend({
  limit: z.coerce.number().int().min(1).max(10_000).default(1000),
});

export const MAX_RANGE_DAYS = MAX_REPORT_RANGE_DAYS;

export type { Figures, TaxClassLine };

/** The fields of a store's daily report, over a range of business days. */
export interface SalesFigures extends Figures {
  /** The currency of the figures; null when the stores summed use different ones. */
  currency: string | null;
  salesCount: number;
  returnsCount: number;
  voidedCount: number;
  /** Money taken per tender type: cash net of change given, every type net of refunds. */
  byTender: Record<string, number>;
  byTaxClass: TaxClassLine[];
}

export interface SalesReport {
  from: string;
  to: string;
  total: SalesFigures;
  stores: (SalesFigures & { storeId: string; name: string | null })[];
}

export interface DayLine extends Figures {
  date: string;
  salesCount: number;
  returnsCount: number;
}

export interface DepartmentLine extends Figures {
  department: string | null;
  /** Sale lines rung in the department, and lines returned. */
  lineCount: number;
  returnLineCount: number;
}

export interface ProductLine extends Figures {
  code: string;
  name: string;
  department: string | null;
  /** Quantity sold minus returned, in milli-units. */
  qtyMilli: number;
  lineCount: number;
  returnLineCount: number;
}
