/**
 * SQL over the ingested tables (schema/hq-sales.ts). Every query takes the same parameters:
 * ?1 first business day, ?2 last business day (inclusive), ?3 one store id or null for all.
 * Sales count when completed (a voided sale is left out, with its tenders and taxes); returns
 * subtract.
 */

export type ReportParams = [from: string, to: string, storeId: string | null];

const IN_RANGE = (alias: string) =>
  `${alias}.day BETWEEN ?1 AND ?2 AND (CAST(?3 AS TEXT) IS NULL OR ${alias}.store_id = ?3)`;

/** Sums of sales or returns as documents, grouped by store or by day. */
export function documentSums(kind: "sale" | "return", groupBy: "store_id" | "day"): string {
  const table = kind === "sale" ? "hq_sales" : "hq_returns";
  const completed = kind === "sale" ? " AND d.status = 'completed'" : "";
  const change = kind === "sale" ? "sum(d.change_minor)" : "0";
  return `SELECT d.${groupBy} AS k, count(*) AS n, sum(d.subtotal_minor) AS gross,
    sum(d.discount_minor) AS discount, sum(d.tax_minor) AS tax, sum(d.total_minor) AS total,
    ${change} AS change
    FROM ${table} d WHERE ${IN_RANGE("d")}${completed} GROUP BY d.${groupBy}`;
}

export const VOIDED_BY_STORE = `SELECT d.store_id AS k, count(*) AS n FROM hq_sales d
  WHERE ${IN_RANGE("d")} AND d.status = 'voided' GROUP BY d.store_id`;

export const TENDERS_BY_STORE = `SELECT t.store_id AS k, t.type AS type, t.doc_kind AS kind,
  count(*) AS n, sum(t.amount_minor) AS amount
  FROM hq_tenders t LEFT JOIN hq_sales s ON t.doc_kind = 'sale' AND s.id = t.doc_id
  WHERE ${IN_RANGE("t")} AND (t.doc_kind = 'return' OR s.status = 'completed')
  GROUP BY t.store_id, t.type, t.doc_kind`;

export const TAXES_BY_STORE = `SELECT x.store_id AS k, x.tax_class AS taxClass, x.rate AS rate,
  x.doc_kind AS kind, sum(x.base_minor) AS base, sum(x.tax_minor) AS tax
  FROM hq_sale_taxes x LEFT JOIN hq_sales s ON x.doc_kind = 'sale' AND s.id = x.doc_id
  WHERE ${IN_RANGE("x")} AND (x.doc_kind = 'return' OR s.status = 'completed')
  GROUP BY x.store_id, x.tax_class, x.rate, x.doc_kind`;

export const CURRENCY_BY_STORE = `SELECT d.store_id AS k, min(d.currency) AS currency,
  count(DISTINCT d.currency) AS n FROM hq_sales d WHERE ${IN_RANGE("d")} GROUP BY d.store_id`;

/**
 * Line sums of sales or returns grouped by `groupBy` columns of the line (`l`). A line's total
 * is after discounts, with its tax inside when the store prices gross and without it when net;
 * which one a document used is read from the document itself: gross when its lines add up to
 * its total, net when lines plus tax do (whichever is nearer, so cash rounding does not
 * mislead; without tax both readings agree).
 */
export function lineSums(kind: "sale" | "return", select: string, groupBy: string): string {
  const [docs, lines, key] =
    kind === "sale"
      ? ["hq_sales", "hq_sale_lines", "sale_id"]
      : ["hq_returns", "hq_return_lines", "return_id"];
  const completed = kind === "sale" ? " AND d.status = 'completed'" : "";
  return `WITH sums AS (
      SELECT d.id AS id, d.total_minor AS t, d.tax_minor AS x,
        (SELECT coalesce(sum(total_minor), 0) FROM ${lines} WHERE ${key} = d.id) AS lt
      FROM ${docs} d WHERE ${IN_RANGE("d")}${completed}
    ), docs AS (SELECT id, abs(lt - t) <= abs(lt + x - t) AS gross FROM sums)
    SELECT ${select}, count(*) AS n, sum(l.qty_milli) AS qty, sum(l.extended_minor) AS gross,
      sum(l.discount_minor) AS discount, sum(l.tax_minor) AS tax,
      sum(CASE WHEN docs.gross THEN l.total_minor - l.tax_minor ELSE l.total_minor END) AS net,
      sum(CASE WHEN docs.gross THEN l.total_minor ELSE l.total_minor + l.tax_minor END) AS total
    FROM docs JOIN ${lines} l ON l.${key} = docs.id GROUP BY ${groupBy}`;
}
