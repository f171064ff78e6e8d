/**
 * Field readers shared by the catalog parsers: money, flags, barcodes, and the final check of
 * a row against the catalog API's own schema, each failing with a reason a person can act on.
 */
import type { z } from "zod";
import { departmentInputSchema, productInputSchema } from "../../api/store/catalog.ts";
import { classifyBarcode } from "../../core/barcode.ts";
import { DomainError } from "../../core/errors.ts";
import { currencyExponent, parseMoneyToMinor } from "../../core/money.ts";
import { divRound } from "../../core/rounding.ts";
import type { DepartmentRow, ImportProblem, ProductRow } from "./model.ts";
import { RowProblem } from "./model.ts";

/** A decimal amount in the store currency as minor units; never negative. */
export function readPrice(text: string, what: string, currency: string): number {
  const value = text.trim();
  if (value === "") throw new RowProblem(`${what} is empty`);
  let minor: number;
  try {
    minor = parseMoneyToMinor(value, currencyExponent(currency));
  } catch (err) {
    if (err instanceof DomainError) {
      throw new RowProblem(
        `${what} "${value}" is not an amount in ${currency} (write it like 5.95, at most ${currencyExponent(currency)} decimals)`,
      );
    }
    throw err;
  }
  if (minor < 0) throw new RowProblem(`${what} ${value} is negative`);
  return minor;
}

/** A cost, rounded half-up to the currency's minor unit (costs often carry a tenth of a cent). */
export function readCost(text: string, currency: string): number | null {
  const value = text.trim();
  if (value === "") return null;
  const exponent = currencyExponent(currency);
  let micro: number;
  try {
    micro = parseMoneyToMinor(value, 6);
  } catch (err) {
    if (err instanceof DomainError) throw new RowProblem(`cost "${value}" is not an amount`);
    throw err;
  }
  if (micro < 0) throw new RowProblem(`cost ${value} is negative`);
  return Number(divRound(BigInt(micro), 10n ** BigInt(6 - exponent), "half-up"));
}

const TRUE = new Set(["1", "true", "yes", "y"]);
const FALSE = new Set(["", "0", "false", "no", "n"]);

/** A minimum age in whole years (0 to 99); empty is null. */
export function readMinAge(text: string, what: string): number | null {
  const value = text.trim();
  if (value === "") return null;
  if (!/^\d{1,2}$/.test(value)) throw new RowProblem(`${what} "${value}" is not an age from 0 to 99`);
  return Number(value);
}

export function readFlag(text: string, what: string): boolean {
  const value = text.trim().toLowerCase();
  if (TRUE.has(value)) return true;
  if (FALSE.has(value)) return false;
  throw new RowProblem(`${what} "${text}" is not a yes/no value (use true or false, 1 or 0)`);
}

/** A barcode as printed: digits only, and a right check digit when its length is a GS1 one. */
export function readBarcode(text: string): string {
  const code = text.trim();
  if (!/^\d{6,14}$/.test(code)) {
    throw new RowProblem(`barcode "${code}" must be 6 to 14 digits`);
  }
  try {
    classifyBarcode(code);
  } catch (err) {
    if (err instanceof DomainError) {
      const details = err.details as { expected?: number } | undefined;
      const expected = details?.expected === undefined ? "" : ` (expected ${details.expected})`;
      throw new RowProblem(`barcode ${code} has a wrong check digit${expected}`);
    }
    throw err;
  }
  return code;
}

/** `|`-separated barcodes; an empty cell gives none. */
export function readBarcodes(text: string): string[] {
  const parts = text
    .split("|")
    .map((p) => p.trim())
    .filter((p) => p !== "");
  return [...new Set(parts.map(readBarcode))];
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join(".") : "row"} ${issue.message}`)
    .join("; ");
}

/** Checks a product against the catalog API's schema so the server accepts what we send. */
export function checkProduct(candidate: Record<string, unknown>, line: number): ProductRow {
  const parsed = productInputSchema.safeParse(candidate);
  if (!parsed.success) throw new RowProblem(describeIssues(parsed.error.issues));
  return { ...parsed.data, line };
}

export function checkDepartment(candidate: Record<string, unknown>, line: number): DepartmentRow {
  const parsed = departmentInputSchema.safeParse(candidate);
  if (!parsed.success) throw new RowProblem(describeIssues(parsed.error.issues));
  return { ...parsed.data, line };
}

/** Runs a row reader, turning a RowProblem into an ImportProblem for its line. */
export function readRow<Row>(line: number, read: () => Row, rows: Row[], errors: ImportProblem[]): void {
  try {
    rows.push(read());
  } catch (err) {
    if (!(err instanceof RowProblem)) throw err;
    errors.push({ line, reason: err.message });
  }
}

/**
 * Drops rows whose key repeats an earlier row (the file would otherwise overwrite itself
 * silently) and reports each repeat.
 */
export function dropRepeats<Row extends { line: number }>(
  rows: Row[],
  keyOf: (row: Row) => string,
  what: string,
  errors: ImportProblem[],
): Row[] {
  const firstLine = new Map<string, number>();
  const kept: Row[] = [];
  for (const row of rows) {
    const key = keyOf(row);
    const first = firstLine.get(key);
    if (first === undefined) {
      firstLine.set(key, row.line);
      kept.push(row);
    } else {
      errors.push({ line: row.line, reason: `${what} "${key}" repeats line ${first}` });
    }
  }
  return kept;
}

/** Orders problems by line, for a report that reads like the file. */
export function byLine(errors: ImportProblem[]): ImportProblem[] {
  return errors.sort((a, b) => a.line - b.line);
}

function barcodeIdentity(code: string): string {
  const classified = classifyBarcode(code);
  return classified ? classified.gtin14 : code;
}

/** Drops rows that carry a barcode an earlier row already has (compared as GTIN-14). */
export function dropRepeatedBarcodes(rows: ProductRow[], errors: ImportProblem[]): ProductRow[] {
  const owner = new Map<string, { line: number; code: string }>();
  return rows.filter((row) => {
    const keys = (row.barcodes ?? []).map((b) => [b, barcodeIdentity(b)] as const);
    for (const [barcode, key] of keys) {
      const first = owner.get(key);
      if (first && first.code !== row.code) {
        errors.push({
          line: row.line,
          reason: `barcode ${barcode} already belongs to "${first.code}" on line ${first.line}`,
        });
        return false;
      }
    }
    for (const [, key] of keys) owner.set(key, { line: row.line, code: row.code });
    return true;
  });
}
