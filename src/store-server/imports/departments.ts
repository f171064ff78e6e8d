/**
 * Departments: CORE-POS `departments.sql` tuples `(dept_no, dept_name, dept_tax, …)` with
 * dept_tax 0/1/2 → no tax class / "1" / "2" and dept_limit / dept_minimum → the open-ring limits
 * (0: none), and plain CSV with the header `id,name,taxClass[,openRing,maxAmount,minAmount,minAge]`.
 */

import { cell, type HeaderLayout, readHeader } from "./csv-products.ts";
import { readCsvRecords } from "./csv-records.ts";
import { byLine, checkDepartment, dropRepeats, readFlag, readMinAge, readPrice, readRow } from "./fields.ts";
import type { DepartmentRow, ImportProblem, ParseOptions, ParseResult } from "./model.ts";
import { RowProblem } from "./model.ts";
import { readSqlTuples } from "./sql-tuples.ts";

const TAX_CLASSES: Readonly<Record<string, string | null>> = { "0": null, "1": "1", "2": "2" };

function finish(
  rows: DepartmentRow[],
  problems: ImportProblem[],
  total: number,
  options: ParseOptions,
): ParseResult<DepartmentRow> {
  options.onProgress?.(total, total);
  const unique = dropRepeats(rows, (r) => r.id, "department", problems);
  return { rows: unique, errors: byLine(problems), total };
}

export function parseCoreposDepartments(text: string, options: ParseOptions): ParseResult<DepartmentRow> {
  const { tuples, errors } = readSqlTuples(text);
  const problems: ImportProblem[] = [...errors];
  const rows: DepartmentRow[] = [];
  for (const { values, line } of tuples) {
    readRow(
      line,
      () => {
        if (values.length < 3) {
          throw new RowProblem(
            `has ${values.length} values; a department needs (dept_no, dept_name, dept_tax, …)`,
          );
        }
        const [id, name, tax, , limit, minimum] = values.map((v) => (v ?? "").trim());
        if (!/^\d+$/.test(id ?? "")) throw new RowProblem(`dept_no "${id}" is not a number`);
        const taxClass = TAX_CLASSES[tax ?? ""];
        if (taxClass === undefined) throw new RowProblem(`dept_tax "${tax}" is not 0, 1 or 2`);
        // dept_limit and dept_minimum: the open-ring limits (0: none). A negative minimum lets a
        // CORE-POS lane ring credits to the department; open rings here are sales, so: none.
        const amount = (text: string | undefined, what: string) => {
          if (text === undefined || text === "" || text.toUpperCase() === "NULL") return undefined;
          if (text.startsWith("-")) return null;
          const minor = readPrice(text, what, options.currency);
          return minor === 0 ? null : minor;
        };
        const openRingMaxMinor = amount(limit, "dept_limit");
        const openRingMinMinor = amount(minimum, "dept_minimum");
        return checkDepartment(
          {
            id,
            name,
            taxClass,
            ...(openRingMaxMinor !== undefined ? { openRingMaxMinor } : {}),
            ...(openRingMinMinor !== undefined ? { openRingMinMinor } : {}),
          },
          line,
        );
      },
      rows,
      problems,
    );
  }
  return finish(rows, problems, tuples.length + errors.length, options);
}

const COLUMNS = ["id", "name", "taxClass", "openRing", "maxAmount", "minAmount", "minAge"] as const;
type Column = (typeof COLUMNS)[number];

export function parseDepartmentsCsv(text: string, options: ParseOptions): ParseResult<DepartmentRow> {
  const { records, errors } = readCsvRecords(text);
  const problems: ImportProblem[] = [...errors];
  const [header, ...data] = records;
  if (!header) {
    problems.push({ line: 1, reason: `the file is empty; it needs a header: ${COLUMNS.join(",")}` });
    return { rows: [], errors: problems, total: 0 };
  }
  let layout: HeaderLayout<Column>;
  try {
    layout = readHeader(header.fields, COLUMNS, ["id", "name"]);
  } catch (err) {
    if (!(err instanceof RowProblem)) throw err;
    problems.push({ line: header.line, reason: err.message });
    return { rows: [], errors: byLine(problems), total: data.length };
  }
  const rows: DepartmentRow[] = [];
  for (const { fields, line } of data) {
    readRow(
      line,
      () => {
        if (fields.length !== layout.width) {
          throw new RowProblem(`has ${fields.length} fields; the header has ${layout.width}`);
        }
        const get = (c: Column) => cell(layout, fields, c).trim();
        if (get("id") === "") throw new RowProblem("id is empty");
        if (get("name") === "") throw new RowProblem("name is empty");
        const has = (c: Column) => layout.index.has(c);
        const amount = (c: Column) => (get(c) === "" ? null : readPrice(get(c), c, options.currency));
        return checkDepartment(
          {
            id: get("id"),
            name: get("name"),
            taxClass: get("taxClass") || null,
            ...(has("openRing")
              ? { openRing: get("openRing") === "" ? true : readFlag(get("openRing"), "openRing") }
              : {}),
            ...(has("maxAmount") ? { openRingMaxMinor: amount("maxAmount") } : {}),
            ...(has("minAmount") ? { openRingMinMinor: amount("minAmount") } : {}),
            ...(has("minAge") ? { minAge: readMinAge(get("minAge"), "minAge") } : {}),
          },
          line,
        );
      },
      rows,
      problems,
    );
  }
  return finish(rows, problems, data.length + errors.length, options);
}
