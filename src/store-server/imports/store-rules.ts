/**
 * The store's own rules for catalog rows (configured tax classes, the price ceiling), checked
 * before sending so that every bad row is reported with its line at once and `--strict` can
 * refuse the file without a round trip. The store checks them again on import.
 */
import type { DepartmentRow, ImportProblem, ParseResult, ProductRow } from "./model.ts";

export interface StoreRules {
  taxClasses: readonly { id: string }[];
  maxPriceMinor: number;
}

function taxProblem(taxClass: string | null | undefined, rules: StoreRules): string | null {
  if (!taxClass || rules.taxClasses.some((t) => t.id === taxClass)) return null;
  const known = rules.taxClasses.map((t) => t.id).join(", ") || "none";
  return `tax class "${taxClass}" is not configured in the store (known: ${known})`;
}

function split<Row extends { line: number }>(
  parsed: ParseResult<Row>,
  problemOf: (row: Row) => string | null,
): ParseResult<Row> {
  const errors: ImportProblem[] = [...parsed.errors];
  const rows = parsed.rows.filter((row) => {
    const reason = problemOf(row);
    if (reason) errors.push({ line: row.line, reason });
    return reason === null;
  });
  return { rows, errors: errors.sort((a, b) => a.line - b.line), total: parsed.total };
}

export function applyProductRules(
  parsed: ParseResult<ProductRow>,
  rules: StoreRules,
): ParseResult<ProductRow> {
  return split(parsed, (row) => {
    if (row.priceMinor !== undefined && row.priceMinor > rules.maxPriceMinor) {
      return `price ${row.priceMinor} minor units is over the store's limit of ${rules.maxPriceMinor} (maxPriceMinor)`;
    }
    return taxProblem(row.taxClass, rules);
  });
}

export function applyDepartmentRules(
  parsed: ParseResult<DepartmentRow>,
  rules: StoreRules,
): ParseResult<DepartmentRow> {
  return split(parsed, (row) => taxProblem(row.taxClass, rules));
}
