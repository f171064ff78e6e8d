/**
 * The accounting export (docs/accounting-export.md): per business day of the store, sales and
 * refunds by tax rate, tenders, cash paid in and out, cost of goods and stock documents. The
 * JSON answer is the data; `format=csv`, `format=xlsx` and `format=saft` answer it rendered
 * (src/shared/accounting/csv.ts, xlsx.ts, saft.ts).
 */
import { z } from "zod";
import { MAX_REPORT_RANGE_DAYS, reportDaySchema } from "../../core/report-figures.ts";

export const ACCOUNTING_FORMATS = ["csv", "xlsx", "saft", "json"] as const;

/** The export's query fields (the store's; head office's adds the store). */
export const accountingQueryFields = {
  from: reportDaySchema,
  to: reportDaySchema,
  format: z.enum(ACCOUNTING_FORMATS, { error: "must be csv, xlsx, saft or json" }).default("csv"),
};

/** The range checks of an export's query: in order, and at most MAX_REPORT_RANGE_DAYS days. */
export function withRangeChecks<T extends z.ZodType<{ from: string; to: string }>>(schema: T) {
  return schema
    .refine((q) => q.from <= q.to, { path: ["to"], message: "must not be before from" })
    .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 < MAX_REPORT_RANGE_DAYS, {
      path: ["to"],
      message: `ask for at most ${MAX_REPORT_RANGE_DAYS} days at a time`,
    });
}

export const accountingQuerySchema = withRangeChecks(z.object(accountingQueryFields));
export type AccountingQuery = z.infer<typeof accountingQuerySchema>;

const int = z.number().int();
const figures = z.object({ netMinor: int, taxMinor: int, grossMinor: int });

export const accountingDaySchema = z.object({
  date: z.string(),
  salesCount: int,
  returnsCount: int,
  /** Sales and refunds (returns) by tax class and rate; class "" rate "0" for what carries no tax. */
  taxes: z.array(z.object({ taxClass: z.string(), rate: z.string(), sales: figures, refunds: figures })),
  /** Sales − refunds: equals the daily report's net, tax and total. */
  totals: figures,
  tenders: z.array(
    z.object({
      type: z.string(),
      count: int,
      receivedMinor: int,
      changeMinor: int,
      refundedMinor: int,
      /** received − change − refunded: the daily report's byTender. */
      netMinor: int,
    }),
  ),
  cashMovements: z.array(
    z.object({ kind: z.enum(["in", "out"]), reason: z.string(), count: int, amountMinor: int }),
  ),
  /** Cost of goods sold less returned (the costed stock ledger, as the margin report counts it). */
  cogsMinor: int,
  stockDocuments: z.array(
    z.object({ number: int, type: z.string(), lines: int, valueMinor: int, reason: z.string().nullable() }),
  ),
});
export type AccountingDay = z.infer<typeof accountingDaySchema>;

export const accountingExportSchema = z.object({
  storeId: z.string(),
  currency: z.string(),
  timeZone: z.string(),
  from: z.string(),
  to: z.string(),
  generatedAt: z.string(),
  seller: z
    .object({
      name: z.string(),
      address: z.array(z.string()),
      taxId: z.string(),
      registration: z.string().nullable(),
      country: z.string().nullable(),
    })
    .nullable(),
  /** Tax classes as configured (for the SAF-T tax table). */
  taxClasses: z.array(z.object({ id: z.string(), name: z.string(), rate: z.string() })),
  days: z.array(accountingDaySchema),
});
export type AccountingExport = z.infer<typeof accountingExportSchema>;
