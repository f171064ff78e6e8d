/**
 * The accounting export as an Excel workbook: the CSV's rows (src/shared/accounting/csv.ts)
 * with amounts as numbers in each row's currency (`net`, `tax`, `gross`, `amount` instead of
 * the `…_minor` columns), rates as numbers, counts as numbers.
 */
import type { AccountingExport } from "../../api/store/accounting.ts";
import { columnsOfCsv, toXlsx } from "../web/xlsx.ts";
import { ACCOUNTING_CSV_COLUMNS, accountingCsvRows } from "./csv.ts";

/** Amounts in the currency each row names (its third column). */
const COLUMNS = columnsOfCsv(
  ACCOUNTING_CSV_COLUMNS,
  (header) => ({ header, kind: "money", currencyColumn: ACCOUNTING_CSV_COLUMNS.indexOf("currency") }),
  { rate: "decimal", count: "count" },
);

/** Every store's rows under one header row (refused past the workbook's row limit). */
export function accountingXlsx(docs: readonly AccountingExport[]): Promise<Buffer> {
  return toXlsx(
    "Accounting",
    COLUMNS,
    docs.flatMap((doc) => accountingCsvRows(doc).slice(1)),
  );
}
