/**
 * A period's figures from the store's records, for the whole store or one till: sales minus
 * returns, voided sales left out, tenders net of change and refunds, tax by class and rate —
 * the daily report's rules (reports/service.ts), with a till filter.
 */
import type { Database } from "bun:sqlite";
import type { ClosureFigures } from "../../core/closures.ts";
import { foldTaxRows, type TaxRow } from "../../core/report-figures.ts";
import { tenderLinesOf } from "../../shared/accounting/day.ts";
import { documentFigures, minus } from "../reports/figures.ts";
import type { DocSums } from "../reports/service.ts";

const TILL = "(?3 IS NULL OR till_id = ?3)";
const DOC_SUMS = (table: "sales" | "returns", where: string) =>
  `SELECT count(*) AS n, sum(subtotal_minor) AS gross, sum(discount_minor) AS discount,
   sum(tax_minor) AS tax, sum(total_minor) AS total, ${table === "sales" ? "sum(change_minor)" : "0"} AS change
   FROM ${table} WHERE day BETWEEN ?1 AND ?2 AND ${TILL}${where}`;
/** The document a tender or tax row belongs to: a completed sale or a return, of the till asked. */
const OF_DOC = `LEFT JOIN sales s ON doc_kind = 'sale' AND s.id = doc_id
  LEFT JOIN returns r ON doc_kind = 'return' AND r.id = doc_id
  WHERE x.day BETWEEN ?1 AND ?2 AND (doc_kind = 'return' OR s.status = 'completed')
  AND (?3 IS NULL OR coalesce(s.till_id, r.till_id) = ?3)`;

type Args = [string, string, string | null];

export function periodFigures(
  sqlite: Database,
  from: string,
  to: string,
  tillId: string | null,
): ClosureFigures {
  const args: Args = [from, to, tillId];
  const sold = sqlite.query<DocSums, Args>(DOC_SUMS("sales", " AND status = 'completed'")).get(...args);
  const returned = sqlite.query<DocSums, Args>(DOC_SUMS("returns", "")).get(...args);
  const voided = sqlite.query<DocSums, Args>(DOC_SUMS("sales", " AND status = 'voided'")).get(...args);
  const tenderRows = sqlite
    .query<{ type: string; kind: "sale" | "return"; n: number; amount: number }, Args>(
      `SELECT x.type AS type, x.doc_kind AS kind, count(*) AS n, sum(x.amount_minor) AS amount
       FROM tenders x ${OF_DOC} GROUP BY x.type, x.doc_kind`,
    )
    .all(...args);
  const byTaxRate = foldTaxRows(
    sqlite
      .query<TaxRow, Args>(
        `SELECT x.tax_class AS taxClass, x.rate AS rate, x.doc_kind AS kind,
         sum(x.base_minor) AS base, sum(x.tax_minor) AS tax
         FROM sale_taxes x ${OF_DOC} GROUP BY x.tax_class, x.rate, x.doc_kind`,
      )
      .all(...args),
  );
  return {
    salesCount: sold?.n ?? 0,
    returnsCount: returned?.n ?? 0,
    voidedCount: voided?.n ?? 0,
    ...minus(documentFigures(sold), documentFigures(returned)),
    byTender: tenderLinesOf(tenderRows, sold?.change ?? 0).map((t) => ({
      type: t.type,
      amountMinor: t.netMinor,
    })),
    byTaxRate,
  };
}

/** The business days in a range on which the store (or the till) recorded a sale or a return. */
export function activeDays(sqlite: Database, from: string, to: string, tillId: string | null): string[] {
  return sqlite
    .query<{ day: string }, Args>(
      `SELECT day FROM sales WHERE day BETWEEN ?1 AND ?2 AND ${TILL}
       UNION SELECT day FROM returns WHERE day BETWEEN ?1 AND ?2 AND ${TILL} ORDER BY day`,
    )
    .all(from, to, tillId)
    .map((r) => r.day);
}
