/**
 * Customer rows from CSV files, as `POST /customers/bulk` takes them (each with its line):
 *
 * - `csv`: a header row naming the columns: `id` and `name` (required), `phone`, `email`,
 *   `birthday`, `address`, `notes`, `groups` (ids separated by `;` or `|`), `field:<id>` (a
 *   questionnaire answer: numbers and true/false as such) and `consent:<name>` (yes/no).
 * - `corepos`: CORE-POS `custdata.csv`, no header: CardNo, personNum, LastName, FirstName, …,
 *   Type (column 13, `PC` a paid member). The id is `corepos-<CardNo>-<personNum>`, so a second
 *   import of the same file updates the same customers.
 *
 * Empty cells are left out (an import never clears what is there). Pure.
 */
import type { CsvRecord } from "../store-server/imports/csv-records.ts";

export type CustomerRow = Record<string, unknown> & { line: number };
export interface RowProblem {
  line: number;
  reason: string;
}

const PLAIN = ["id", "name", "phone", "email", "birthday", "address", "notes"] as const;

function answerOf(text: string): string | number | boolean {
  if (/^(true|false)$/i.test(text)) return text.toLowerCase() === "true";
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return text;
}

function yes(text: string): boolean | null {
  if (/^(1|y|yes|true)$/i.test(text)) return true;
  if (/^(0|n|no|false)$/i.test(text)) return false;
  return null;
}

export function rowsFromCsv(records: readonly CsvRecord[]): { rows: CustomerRow[]; problems: RowProblem[] } {
  const [header, ...body] = records;
  if (!header) return { rows: [], problems: [] };
  const columns = header.fields.map((f) => f.trim());
  const problems: RowProblem[] = [];
  for (const c of columns) {
    if (!(PLAIN as readonly string[]).includes(c) && c !== "groups" && !/^(field|consent):/.test(c)) {
      problems.push({
        line: header.line,
        reason: `unknown column "${c}" (see docs/customers.md for the columns)`,
      });
    }
  }
  if (!columns.includes("id") || !columns.includes("name")) {
    problems.push({ line: header.line, reason: 'the header needs the columns "id" and "name"' });
  }
  if (problems.length > 0) return { rows: [], problems };
  const rows: CustomerRow[] = [];
  for (const record of body) {
    const row: CustomerRow = { line: record.line };
    const fields: Record<string, unknown> = {};
    const consents: Record<string, boolean> = {};
    let bad: string | null = null;
    columns.forEach((column, i) => {
      const value = (record.fields[i] ?? "").trim();
      if (value === "") return;
      if (column === "groups")
        row.groups = value
          .split(/[;|]/)
          .map((g) => g.trim())
          .filter(Boolean);
      else if (column.startsWith("field:")) fields[column.slice(6)] = answerOf(value);
      else if (column.startsWith("consent:")) {
        const given = yes(value);
        if (given === null) bad = `${column}: "${value}" is not yes or no`;
        else consents[column.slice(8)] = given;
      } else row[column] = value;
    });
    if (bad !== null) {
      problems.push({ line: record.line, reason: bad });
      continue;
    }
    if (Object.keys(fields).length > 0) row.fields = fields;
    if (Object.keys(consents).length > 0) row.consents = consents;
    rows.push(row);
  }
  return { rows, problems };
}

/**
 * CORE-POS `custdata.csv`: one row per person of an account (CardNo, personNum…, Type in column
 * 13). With `memberGroup`, paid members' people (Type `PC`) go in that group. `members` lists the
 * co-op members: each paid member account's first person (personNum 1), numbered by CardNo
 * (custdata carries neither a join date nor equity: CORE-POS keeps equity elsewhere).
 */
export function rowsFromCorepos(
  records: readonly CsvRecord[],
  options: { memberGroup?: string | undefined } = {},
): { rows: CustomerRow[]; problems: RowProblem[]; members: { id: string; number: string }[] } {
  const members: { id: string; number: string }[] = [];
  const rows: CustomerRow[] = [];
  const problems: RowProblem[] = [];
  for (const record of records) {
    const [cardNo = "", personNum = "", last = "", first = ""] = record.fields.map((f) => f.trim());
    if (!/^\d+$/.test(cardNo) || !/^\d+$/.test(personNum)) {
      problems.push({ line: record.line, reason: "CardNo and personNum (columns 1 and 2) must be numbers" });
      continue;
    }
    const name = [first, last].filter(Boolean).join(" ");
    if (name === "") {
      problems.push({ line: record.line, reason: "no name (FirstName and LastName are empty)" });
      continue;
    }
    const type = (record.fields[12] ?? "").trim();
    rows.push({
      line: record.line,
      id: `corepos-${cardNo}-${personNum}`,
      name,
      notes: `CORE-POS member ${cardNo}, person ${personNum}`,
      ...(options.memberGroup && type === "PC" ? { groups: [options.memberGroup] } : {}),
    });
    if (type === "PC" && personNum === "1")
      members.push({ id: `corepos-${cardNo}-${personNum}`, number: cardNo });
  }
  return { rows, problems, members };
}
