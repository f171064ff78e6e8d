/**
 * Catalog file parsers, shared by the store and `ringup admin import`: a file's text in,
 * `{rows, errors, total}` out, each good row carrying its line and each bad one the reason.
 * Formats are described in docs/import-formats.md.
 */
import { parseCoreposProducts } from "./corepos-products.ts";
import { parseProductsCsv } from "./csv-products.ts";
import { parseCoreposDepartments, parseDepartmentsCsv } from "./departments.ts";
import type { DepartmentRow, ImportFormat, ParseOptions, ParseResult, ProductRow } from "./model.ts";

export { COREPOS_COLUMN, COREPOS_PRODUCT_COLUMNS, coreposCode } from "./corepos-products.ts";
export { PRODUCT_CSV_COLUMNS } from "./csv-products.ts";
export { readCsvRecords } from "./csv-records.ts";
export type {
  DepartmentRow,
  ImportFormat,
  ImportProblem,
  ParseOptions,
  ParseResult,
  ProductRow,
} from "./model.ts";
export { PRODUCT_FORMATS } from "./model.ts";
export { applyDepartmentRules, applyProductRules, type StoreRules } from "./store-rules.ts";

export function parseProducts(
  text: string,
  format: ImportFormat,
  options: ParseOptions,
): ParseResult<ProductRow> {
  return format === "corepos" ? parseCoreposProducts(text, options) : parseProductsCsv(text, options);
}

export function parseDepartments(
  text: string,
  format: ImportFormat,
  options: ParseOptions,
): ParseResult<DepartmentRow> {
  return format === "corepos" ? parseCoreposDepartments(text, options) : parseDepartmentsCsv(text, options);
}
