/**
 * The accounting export as CSV (docs/accounting-export.md): one row per day, section and key,
 * amounts in minor units. Net, tax and gross for the tax sections and the day's totals; one
 * amount for the others.
 */
import type { AccountingExport } from "../../api/store/accounting.ts";

export const ACCOUNTING_CSV_COLUMNS = [
  "date",
  "store",
  "currency",
  "section",
  "key",
  "rate",
  "count",
  "net_minor",
  "tax_minor",
  "gross_minor",
  "amount_minor",
] as const;

type Cell = string | number | null;

function cell(value: Cell): string {
  if (value === null) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) || (typeof value === "string" && /^[=+\-@]/.test(text))
    ? `"${text.replace(/"/g, '""')}"`
    : text;
}

/** The rows (header first) of the export. */
export function accountingCsvRows(doc: AccountingExport): Cell[][] {
  const rows: Cell[][] = [[...ACCOUNTING_CSV_COLUMNS]];
  for (const day of doc.days) {
    const row = (
      section: string,
      key: string,
      rate: string | null,
      count: number | null,
      f: { netMinor: number; taxMinor: number; grossMinor: number } | null,
      amount: number | null,
    ) =>
      rows.push([
        day.date,
        doc.storeId,
        doc.currency,
        section,
        key,
        rate,
        count,
        f?.netMinor ?? null,
        f?.taxMinor ?? null,
        f?.grossMinor ?? null,
        amount,
      ]);
    for (const t of day.taxes) row("sales", t.taxClass, t.rate, null, t.sales, null);
    for (const t of day.taxes) row("refunds", t.taxClass, t.rate, null, t.refunds, null);
    row("totals", "", null, day.salesCount - day.returnsCount, day.totals, null);
    for (const t of day.tenders) row("tender", t.type, null, t.count, null, t.netMinor);
    for (const t of day.tenders)
      if (t.refundedMinor !== 0) row("tender_refund", t.type, null, null, null, t.refundedMinor);
    for (const c of day.cashMovements)
      row(c.kind === "in" ? "cash_in" : "cash_out", c.reason, null, c.count, null, c.amountMinor);
    row("cogs", "", null, null, null, day.cogsMinor);
    for (const d of day.stockDocuments)
      row("stock_document", `${d.type}:${d.number}`, null, d.lines, null, d.valueMinor);
  }
  return rows;
}

/** Rows as CSV text: CRLF line ends, quoted where needed. */
export function csvText(rows: Cell[][]): string {
  return `${rows.map((r) => r.map(cell).join(",")).join("\r\n")}\r\n`;
}

export function accountingCsv(doc: AccountingExport): string {
  return csvText(accountingCsvRows(doc));
}
