/**
 * Departments: CORE-POS `departments.sql` tuples `(dept_no, dept_name, dept_tax, …)` with
 * dept_tax 0/1/2 → no tax class / "1" / "2", and plain CSV with the header `id,name,taxClass`.
 */

import { cell, type HeaderLayout, readHeader } from "./csv-products.ts";
import { readCsvRecords } from "./csv-records.ts";
import { byLine, checkDepartment, dropRepeats, readRow } from "./fields.ts";
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
        const [id, name, tax] = values.map((v) => (v ?? "").trim());
        if (!/^\d+$/.test(id ?? "")) throw new RowProblem(`dept_no "${id}" is not a number`);
        const taxClass = TAX_CLASSES[tax ?? ""];
        if (taxClass === undefined) throw new RowProblem(`dept_tax "${tax}" is not 0, 1 or 2`);
        return checkDepartment({ id, name, taxClass }, line);
      },
      rows,
      problems,
    );
  }
  return finish(rows, problems, tuples.length + errors.length, options);
}

const COLUMNS = ["id", "name", "taxClass"] as const;
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
        return checkDepartment({ id: get("id"), name: get("name"), taxClass: get("taxClass") || null }, line);
      },
      rows,
      problems,
    );
  }
  return finish(rows, problems, data.length + errors.length, options);
}
