/**
 * The accounting export as an Excel workbook: the CSV's rows (src/shared/accounting/csv.ts)
 * with amounts as numbers in each row's currency (`net`, `tax`, `gross`, `amount` instead of
 * the `…_minor` columns), rates as numbers, counts as numbers.
 */
import type { AccountingExport } from "../../api/store/accounting.ts";
import { toXlsx, type XlsxColumn } from "../web/xlsx.ts";
import { accountingCsvRows } from "./csv.ts";

/** The currency is the third column of every row. */
const money = (header: string): XlsxColumn => ({ header, kind: "money", currencyColumn: 2 });

const COLUMNS: readonly XlsxColumn[] = [
  { header: "date", kind: "text" },
  { header: "store", kind: "text" },
  { header: "currency", kind: "text" },
  { header: "section", kind: "text" },
  { header: "key", kind: "text" },
  { header: "rate", kind: "decimal" },
  { header: "count", kind: "count" },
  money("net"),
  money("tax"),
  money("gross"),
  money("amount"),
];

/** Every store's rows under one header row (refused past the workbook's row limit). */
export function accountingXlsx(docs: readonly AccountingExport[]): Promise<Buffer> {
  return toXlsx(
    "Accounting",
    COLUMNS,
    docs.flatMap((doc) => accountingCsvRows(doc).slice(1)),
  );
}
