/**
 * Plain CSV products (docs/import-formats.md): a header naming the columns, in any order,
 * `code,name,price,barcodes,taxClass,department,soldByWeight,unit,cost,active`; only code is required
 * in the header. A row for a new product needs a name and a price; for an existing product the
 * columns the file leaves out change nothing. Prices are decimal strings in the store currency,
 * barcodes separated by `|`.
 */
import { readCsvRecords } from "./csv-records.ts";
import {
  byLine,
  checkProduct,
  dropRepeatedBarcodes,
  dropRepeats,
  readBarcodes,
  readCost,
  readFlag,
  readMinAge,
  readPrice,
  readRow,
} from "./fields.ts";
import {
  type ImportProblem,
  type ParseOptions,
  type ParseResult,
  PROGRESS_EVERY,
  type ProductRow,
  RowProblem,
} from "./model.ts";

export const PRODUCT_CSV_COLUMNS = [
  "code",
  "name",
  "price",
  "barcodes",
  "taxClass",
  "department",
  "soldByWeight",
  "unit",
  "cost",
  "active",
  "minAge",
  "serialised",
] as const;
type Column = (typeof PRODUCT_CSV_COLUMNS)[number];
const REQUIRED: readonly Column[] = ["code"];
const UNITS = ["each", "kg", "lb", "l"] as const;

export interface HeaderLayout<C extends string> {
  index: Map<C, number>;
  width: number;
}

/** Maps a header row to column positions, or says what is wrong with it. */
export function readHeader<C extends string>(
  header: readonly string[],
  known: readonly C[],
  required: readonly C[],
): HeaderLayout<C> {
  const index = new Map<C, number>();
  const byLower = new Map(known.map((k) => [k.toLowerCase(), k] as const));
  header.forEach((raw, i) => {
    const name = raw.trim();
    const column = byLower.get(name.toLowerCase());
    if (!column) {
      throw new RowProblem(
        `the header names an unknown column "${name}"; the columns are ${known.join(", ")}`,
      );
    }
    if (index.has(column)) throw new RowProblem(`the header names the column "${column}" twice`);
    index.set(column, i);
  });
  const missing = required.filter((c) => !index.has(c));
  if (missing.length > 0) {
    throw new RowProblem(
      `the header lacks the required column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`,
    );
  }
  return { index, width: header.length };
}

/** The text of a column in a record, "" when the file has no such column. */
export function cell<C extends string>(
  layout: HeaderLayout<C>,
  fields: readonly string[],
  column: C,
): string {
  const i = layout.index.get(column);
  return i === undefined ? "" : (fields[i] ?? "");
}

function productFrom(
  layout: HeaderLayout<Column>,
  fields: readonly string[],
  line: number,
  options: ParseOptions,
): ProductRow {
  if (fields.length !== layout.width) {
    throw new RowProblem(`has ${fields.length} fields; the header has ${layout.width}`);
  }
  const get = (c: Column) => cell(layout, fields, c);
  const code = get("code").trim();
  if (code === "") throw new RowProblem("code is empty");
  const candidate: Record<string, unknown> = { code };
  if (layout.index.has("name")) {
    const name = get("name").trim();
    if (name === "") throw new RowProblem("name is empty");
    candidate.name = name;
  }
  if (layout.index.has("price")) candidate.priceMinor = readPrice(get("price"), "price", options.currency);
  if (layout.index.has("barcodes")) candidate.barcodes = readBarcodes(get("barcodes"));
  if (layout.index.has("taxClass")) candidate.taxClass = get("taxClass").trim() || null;
  if (layout.index.has("department")) candidate.department = get("department").trim() || null;
  if (layout.index.has("soldByWeight")) {
    const byWeight = readFlag(get("soldByWeight"), "soldByWeight");
    candidate.soldByWeight = byWeight;
    if (byWeight && !layout.index.has("unit")) candidate.unit = "kg";
  }
  if (layout.index.has("unit")) {
    const unit = get("unit").trim().toLowerCase();
    if (unit !== "") {
      if (!UNITS.some((u) => u === unit)) {
        throw new RowProblem(`unit "${get("unit").trim()}" is not one of ${UNITS.join(", ")}`);
      }
      candidate.unit = unit;
    }
  }
  if (layout.index.has("active")) candidate.active = readFlag(get("active"), "active");
  if (layout.index.has("serialised")) candidate.serialised = readFlag(get("serialised"), "serialised");
  if (layout.index.has("minAge")) candidate.minAge = readMinAge(get("minAge"), "minAge");
  if (layout.index.has("cost")) candidate.costMinor = readCost(get("cost"), options.currency);
  return checkProduct(candidate, line);
}

export function parseProductsCsv(text: string, options: ParseOptions): ParseResult<ProductRow> {
  const { records, errors } = readCsvRecords(text);
  const [header, ...data] = records;
  const problems: ImportProblem[] = [...errors];
  if (!header) {
    problems.push({
      line: 1,
      reason: `the file is empty; it needs a header: ${PRODUCT_CSV_COLUMNS.join(",")}`,
    });
    return { rows: [], errors: problems, total: 0 };
  }
  let layout: HeaderLayout<Column>;
  try {
    layout = readHeader(header.fields, PRODUCT_CSV_COLUMNS, REQUIRED);
  } catch (err) {
    if (!(err instanceof RowProblem)) throw err;
    problems.push({ line: header.line, reason: err.message });
    return { rows: [], errors: byLine(problems), total: data.length };
  }
  const rows: ProductRow[] = [];
  const total = data.length + errors.length;
  data.forEach((record, i) => {
    readRow(record.line, () => productFrom(layout, record.fields, record.line, options), rows, problems);
    if ((i + 1) % PROGRESS_EVERY === 0) options.onProgress?.(i + 1, total);
  });
  options.onProgress?.(total, total);
  const unique = dropRepeatedBarcodes(
    dropRepeats(rows, (r) => r.code, "code", problems),
    problems,
  );
  return { rows: unique, errors: byLine(problems), total };
}
