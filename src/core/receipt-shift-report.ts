/**
 * X and Z reports: the shift's totals printed on the receipt printer. An X report is a reading
 * in the middle of a shift; a Z report closes it (and carries the Z number).
 */
import { z } from "zod";
import { InvalidInputError } from "./errors.ts";
import { normalizeCurrency } from "./money.ts";
import { describeIssues } from "./receipt.ts";
import { formatAmount, formatDateTime, formatRate } from "./receipt-format.ts";
import { receiptLabels, tenderLabel } from "./receipt-labels.ts";
import { type Layout, LayoutBuilder, renderLayoutText, requireColumns } from "./receipt-layout.ts";

const minor = z.number().int().refine(Number.isSafeInteger, "must be a whole number of minor units");
const count = z.number().int().nonnegative();
const rate = z.string().regex(/^\d+(\.\d+)?$/, "must be a percentage as a decimal string, e.g. 8.875");
const iso = z.iso.datetime({ offset: true, error: "must be an ISO 8601 time such as 2025-11-23T16:48:00Z" });

export const shiftReportInputSchema = z.object({
  kind: z.enum(["X", "Z"]),
  /** Z number (consecutive per till) or the shift number. */
  number: z.union([z.string().min(1), z.number().int().nonnegative()]).transform(String),
  store: z.object({ name: z.string().min(1), addressLines: z.array(z.string()).default([]) }),
  tillId: z.string().optional(),
  cashierName: z.string().optional(),
  openedAt: iso,
  /** When the report was taken (the closing time for a Z report). */
  at: iso,
  timeZone: z.string().default("UTC"),
  currency: z.string(),
  locale: z.string().default("en"),
  salesCount: count,
  returnsCount: count.default(0),
  grossMinor: minor,
  discountMinor: minor.default(0),
  taxMinor: minor.default(0),
  netMinor: minor,
  totalMinor: minor,
  byTender: z.array(z.object({ type: z.string().min(1), amountMinor: minor })).default([]),
  byTaxClass: z
    .array(z.object({ taxClass: z.string().min(1), rate, baseMinor: minor, taxMinor: minor }))
    .default([]),
  cash: z
    .object({
      openingFloatMinor: minor.default(0),
      cashInMinor: minor.default(0),
      cashOutMinor: minor.default(0),
      expectedMinor: minor,
      countedMinor: minor.optional(),
    })
    .optional(),
  noSaleOpenings: count.default(0),
  /** Staff commissions earned on the shift's service lines, by staff member. */
  commissions: z
    .array(
      z.object({
        staffId: z.string(),
        staffName: z.string().nullable().default(null),
        commissionMinor: minor,
      }),
    )
    .default([]),
  copy: z.boolean().default(false),
});

export type ShiftReportInput = z.input<typeof shiftReportInputSchema>;
export type ShiftReportDoc = z.infer<typeof shiftReportInputSchema> & { readonly type: "shift-report" };

/** Builds an X or Z report document; refuses malformed totals with INVALID_SHIFT_REPORT. */
export function buildShiftReport(input: unknown): ShiftReportDoc {
  const parsed = shiftReportInputSchema.safeParse(input);
  if (!parsed.success) {
    throw new InvalidInputError(
      "INVALID_SHIFT_REPORT",
      `The shift report cannot be built: ${describeIssues(parsed.error)}. Pass the shift totals from the store.`,
      { issues: parsed.error.issues },
    );
  }
  return { ...parsed.data, type: "shift-report", currency: normalizeCurrency(parsed.data.currency) };
}

export function layoutShiftReport(doc: ShiftReportDoc, columns: number): Layout {
  const b = new LayoutBuilder(requireColumns(columns));
  const labels = receiptLabels(doc.locale);
  const money = (value: number): string => formatAmount(value, doc.currency, doc.locale, "none");
  const when = (value: string): string => formatDateTime(value, doc.timeZone);

  b.center(doc.store.name, { bold: true });
  for (const line of doc.store.addressLines) b.center(line);
  b.blank().center(`${doc.kind === "Z" ? labels.zReport : labels.xReport} ${doc.number}`, {
    bold: true,
    tall: true,
  });
  if (doc.copy) b.center(`*** ${labels.copy} ***`, { bold: true });
  b.rule();
  if (doc.tillId !== undefined) b.pair(labels.till, doc.tillId);
  if (doc.cashierName !== undefined) b.pair(labels.cashier, doc.cashierName);
  b.pair(labels.opened, when(doc.openedAt));
  b.pair(doc.kind === "Z" ? labels.closed : labels.printed, when(doc.at));
  b.rule();
  b.pair(labels.salesCount, String(doc.salesCount));
  b.pair(labels.returnsCount, String(doc.returnsCount));
  b.pair(labels.gross, money(doc.grossMinor));
  b.pair(labels.discount, money(-doc.discountMinor));
  b.pair(labels.net, money(doc.netMinor));
  b.pair(labels.tax, money(doc.taxMinor));
  b.pair(labels.total, formatAmount(doc.totalMinor, doc.currency, doc.locale, "code"), {
    bold: true,
    tall: true,
  });
  if (doc.byTender.length > 0) {
    b.rule().text(labels.byTender, { bold: true });
    for (const tender of doc.byTender) b.pair(tenderLabel(labels, tender.type), money(tender.amountMinor));
  }
  if (doc.byTaxClass.length > 0) {
    b.rule().text(labels.byTaxClass, { bold: true });
    for (const tax of doc.byTaxClass) {
      b.pair(`${tax.taxClass} ${formatRate(tax.rate, doc.locale)}`, money(tax.taxMinor));
      b.pair(labels.taxBase, money(tax.baseMinor), { indent: 2 });
    }
  }
  if (doc.cash !== undefined) {
    const cash = doc.cash;
    b.rule();
    b.pair(labels.openingFloat, money(cash.openingFloatMinor));
    b.pair(labels.cashIn, money(cash.cashInMinor));
    b.pair(labels.cashOut, money(-cash.cashOutMinor));
    b.pair(labels.expectedCash, money(cash.expectedMinor), { bold: true });
    if (cash.countedMinor !== undefined) {
      b.pair(labels.countedCash, money(cash.countedMinor));
      const difference = cash.countedMinor - cash.expectedMinor;
      b.pair(labels.difference, `${difference > 0 ? "+" : ""}${money(difference)}`, { bold: true });
    }
  }
  b.pair(labels.noSaleOpenings, String(doc.noSaleOpenings));
  if (doc.commissions.length > 0) {
    b.rule().text(labels.commissions, { bold: true });
    for (const c of doc.commissions) b.pair(c.staffName ?? c.staffId, money(c.commissionMinor));
  }
  b.rule("=");
  return b.build();
}

export function renderShiftReportText(doc: ShiftReportDoc, columns: number): string {
  return renderLayoutText(layoutShiftReport(doc, columns));
}
