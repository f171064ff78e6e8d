/**
 * A report as an Excel workbook (XLSX), beside its CSV: one sheet, a bold header row, numbers
 * as numbers (money as decimal amounts in the currency's major unit with its decimal places,
 * quantities in units), text as text. Bounded: a report of more rows than `XLSX_MAX_ROWS` is
 * refused (EXPORT_TOO_LARGE) rather than cut short.
 */
import writeXlsxFile from "write-excel-file/node";
import { currencyExponent } from "../../core/money.ts";
import { ConsoleError } from "./errors.ts";

/** The most data rows one workbook holds. */
export const XLSX_MAX_ROWS = 10_000;
export const XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * A column: its header and how its values are written. `money` takes minor units and writes
 * the amount in the currency's major unit (the column's currency, or the one each row names in
 * column `currencyColumn`); `milli` takes thousandths and writes units; `decimal` writes a
 * decimal string (a tax rate) as a number.
 */
export type XlsxColumn =
  | { header: string; kind: "text" }
  | { header: string; kind: "count" }
  | { header: string; kind: "decimal" }
  | { header: string; kind: "money"; currency: string | null }
  | { header: string; kind: "money"; currencyColumn: number }
  | { header: string; kind: "milli" };

export type XlsxValue = string | number | null;

/**
 * The columns of a report whose CSV header is `header`: `…_minor` columns are money (named
 * without the suffix, written by `money`), those `kinds` names are counts, decimals or
 * thousandths, the rest text.
 */
export function columnsOfCsv(
  header: readonly string[],
  money: (name: string) => XlsxColumn,
  kinds: Readonly<Record<string, "count" | "decimal" | "milli">> = {},
): XlsxColumn[] {
  return header.map((name) => {
    if (name.endsWith("_minor")) return money(name.slice(0, -"_minor".length));
    return { header: name, kind: kinds[name] ?? "text" };
  });
}

type CellOut = {
  value: string | number;
  type?: NumberConstructor | StringConstructor;
  format?: string;
} | null;

function exponentOf(currency: string | null): number {
  if (currency === null) return 2;
  try {
    return currencyExponent(currency);
  } catch {
    return 2;
  }
}

function moneyFormat(exponent: number): string {
  return exponent === 0 ? "#,##0" : `#,##0.${"0".repeat(exponent)}`;
}

function cell(column: XlsxColumn, value: XlsxValue, row: readonly XlsxValue[]): CellOut {
  if (value === null) return null;
  if (column.kind === "decimal" && Number.isFinite(Number(value)))
    return { value: Number(value), type: Number, format: "0.######" };
  if (column.kind === "text" || typeof value === "string") return { value: String(value), type: String };
  switch (column.kind) {
    case "decimal":
      return { value, type: Number, format: "0.######" };
    case "count":
      return { value, type: Number, format: "0" };
    case "milli":
      return { value: value / 1000, type: Number, format: "#,##0.###" };
    case "money": {
      const currency = "currency" in column ? column.currency : row[column.currencyColumn];
      const exponent = exponentOf(typeof currency === "string" ? currency : null);
      return { value: value / 10 ** exponent, type: Number, format: moneyFormat(exponent) };
    }
  }
}

/** Refuses a report longer than a workbook may be, naming the limit. */
export function requireXlsxRows(count: number, what: string): void {
  if (count <= XLSX_MAX_ROWS) return;
  throw new ConsoleError(
    "EXPORT_TOO_LARGE",
    `${what} has more than ${XLSX_MAX_ROWS} rows, the most one XLSX export holds; choose a shorter range of days`,
    { maxRows: XLSX_MAX_ROWS },
  );
}

/** The workbook's bytes: a header row, then each row's values as its column says. */
export async function toXlsx(
  sheet: string,
  columns: readonly XlsxColumn[],
  rows: readonly (readonly XlsxValue[])[],
): Promise<Buffer> {
  requireXlsxRows(rows.length, `the ${sheet} report`);
  const header = columns.map((c) => ({ value: c.header, fontWeight: "bold" as const }));
  const data = rows.map((row) => columns.map((c, i) => cell(c, row[i] ?? null, row)));
  return writeXlsxFile([header, ...data], {
    sheet: sheet.slice(0, 31),
    stickyRowsCount: 1,
  }).toBuffer();
}

export function xlsxResponse(bytes: Buffer, filename: string): Response {
  return new Response(new Uint8Array(bytes), {
    headers: {
      "content-type": XLSX_CONTENT_TYPE,
      "content-disposition": `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, "_")}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
