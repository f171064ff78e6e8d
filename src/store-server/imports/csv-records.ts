/**
 * Reads CSV text into records, each with the line it starts on. The whole text is parsed in
 * one pass (so quoted fields may span lines); when that pass meets a malformed record,
 * csv-parse's recovery can swallow the records after it, so the text is read again one
 * physical line at a time and every malformed line is reported on its own, losing no good row.
 */
import { type CsvError, parse } from "csv-parse/sync";
import type { ImportProblem } from "./model.ts";

export interface CsvRecord {
  fields: string[];
  line: number;
}

export interface CsvRecords {
  records: CsvRecord[];
  errors: ImportProblem[];
}

interface ParsedRecord {
  record: string[];
  info: { lines: number };
}

const OPTIONS = { bom: true, relax_column_count: true, info: true } as const;

function isBlank(fields: readonly string[]): boolean {
  return fields.every((f) => f.trim() === "");
}

function newlinesIn(fields: readonly string[]): number {
  let n = 0;
  for (const field of fields) for (const ch of field) if (ch === "\n") n++;
  return n;
}

/** A CSV error in plain words, without csv-parse's position suffix. */
export function describeCsvError(err: CsvError | Error): string {
  const code = "code" in err ? String(err.code) : "";
  switch (code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return "a quoted field is not closed (a field may not span lines here)";
    case "CSV_INVALID_CLOSING_QUOTE":
      return 'a quote inside a field must be doubled ("") and the field quoted';
    default:
      return `not valid CSV (${err.message.replace(/ at line \d+.*$/, "")})`;
  }
}

/** The separators a spreadsheet may save "CSV" with. */
export const CSV_DELIMITERS = [",", ";", "\t"] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/**
 * The separator of a file, read from its first non-blank line (quoted text aside): a comma
 * when it has one, else a semicolon or a tab (spreadsheets in many locales save CSV with `;`).
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const first =
    text
      .replace(/^\uFEFF/, "")
      .split(/\r?\n/)
      .find((l) => l.trim() !== "") ?? "";
  const counts = new Map<CsvDelimiter, number>(CSV_DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of first) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch as CsvDelimiter)) {
      counts.set(ch as CsvDelimiter, (counts.get(ch as CsvDelimiter) ?? 0) + 1);
    }
  }
  if ((counts.get(",") ?? 0) > 0) return ",";
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return best && best[1] > 0 ? best[0] : ",";
}

function wholePass(text: string, delimiter: CsvDelimiter): CsvRecord[] | null {
  let failed = false;
  const parsed = parse(text, {
    ...OPTIONS,
    delimiter,
    skip_records_with_error: true,
    on_skip: () => {
      failed = true;
    },
  }) as unknown as ParsedRecord[];
  if (failed) return null;
  return parsed
    .filter((p) => !isBlank(p.record))
    .map((p) => ({ fields: p.record, line: p.info.lines - newlinesIn(p.record) }));
}

function lineByLine(text: string, delimiter: CsvDelimiter): CsvRecords {
  const records: CsvRecord[] = [];
  const errors: ImportProblem[] = [];
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  lines.forEach((content, i) => {
    if (content.trim() === "") return;
    try {
      const [record] = parse(content, { relax_column_count: true, delimiter }) as string[][];
      if (record && !isBlank(record)) records.push({ fields: record, line: i + 1 });
    } catch (err) {
      errors.push({ line: i + 1, reason: describeCsvError(err as Error) });
    }
  });
  return { records, errors };
}

/** Every non-blank record of a CSV text with its starting line, and the lines that are not CSV. */
export function readCsvRecords(text: string, delimiter: CsvDelimiter = detectDelimiter(text)): CsvRecords {
  const records = wholePass(text, delimiter);
  return records ? { records, errors: [] } : lineByLine(text, delimiter);
}
