/**
 * What a count reads and adds when it is posted. A count is judged by its time (`countedAt`,
 * default: when it was made): the system quantity is the stock at its location as of that time,
 * so stock sold or received between counting and posting stays moved (an earlier count posted
 * later is taken at its own time). A full count adds a line
 * of zero for every product (and lot) of its location — or of its department or category and
 * the category's subcategories — that had stock then and is not on the count.
 */
import { stockDocumentLines, type stockDocuments } from "../../../schema/store.ts";
import type { StockDocumentRequest } from "../../api/store/stock-documents.ts";
import type { StoreDb, StoreTx } from "../context.ts";
import { connectionOf } from "../db/statements.ts";
import { StockError } from "./errors.ts";

type DocRow = typeof stockDocuments.$inferSelect;

/**
 * When a movement counts for a count's time: a count's own movement at the time it was counted
 * (it sets the stock of that moment), every other movement when it was made.
 */
const MOVED_AT = `(CASE WHEN m.kind = 'count'
   THEN coalesce((SELECT coalesce(d.counted_at, d.created_at) FROM stock_documents d WHERE d.id = m.ref_id), m.at)
   ELSE m.at END)`;

/** When a count was counted (its own time, else when it was made); null for other documents. */
export function countedAtOf(doc: DocRow): string | null {
  return doc.type === "count" ? (doc.countedAt ?? doc.createdAt) : null;
}

/** On hand of a product at a location (and lot, when given) as of a time. */
export function onHandAtMilli(
  db: StoreDb | StoreTx,
  code: string,
  location: string,
  lot: string | null,
  at: string,
): number {
  const row = connectionOf(db)
    .query<{ n: number | null }, [string, string, string | null, string]>(
      `SELECT sum(m.qty_milli) AS n FROM stock_movements m
        WHERE m.product_code = ?1 AND m.location = ?2 AND (?3 IS NULL OR m.lot = ?3) AND ${MOVED_AT} <= ?4`,
    )
    .get(code, location, lot, at);
  return row?.n ?? 0;
}

/** Refuses a count's time in the future, and a scope the store does not know. */
export function checkCountHeader(db: StoreDb, request: StockDocumentRequest, nowIso: string): void {
  if (request.type !== "count") return;
  if (request.countedAt !== undefined && request.countedAt > nowIso) {
    throw new StockError(
      "COUNTED_AT_IN_FUTURE",
      `countedAt: ${request.countedAt} is later than now (${nowIso}); give the time it was counted`,
      { countedAt: request.countedAt },
    );
  }
  const sqlite = connectionOf(db);
  if (
    request.department !== undefined &&
    !sqlite.query("SELECT 1 FROM departments WHERE id = ?1").get(request.department)
  ) {
    throw new StockError(
      "UNKNOWN_DEPARTMENT",
      `department: the store has no department "${request.department}"`,
      {
        department: request.department,
      },
    );
  }
  if (
    request.category !== undefined &&
    !sqlite.query("SELECT 1 FROM categories WHERE id = ?1").get(request.category)
  ) {
    throw new StockError("UNKNOWN_CATEGORY", `category: the store has no category "${request.category}"`, {
      category: request.category,
    });
  }
}

/** A full count: adds its lines of zero for what it does not list (inside the posting's transaction). */
export function addFullCountLines(tx: StoreTx, doc: DocRow, location: string): void {
  if (doc.type !== "count" || doc.mode !== "full") return;
  const sqlite = connectionOf(tx);
  const missing = sqlite
    .query<
      { code: string; lot: string | null; expiry: string | null },
      [string, string, string, string | null, string | null]
    >(
      `WITH RECURSIVE tree(id) AS (
         SELECT ?5 WHERE ?5 IS NOT NULL
         UNION SELECT c.id FROM categories c JOIN tree t ON c.parent = t.id
       )
       SELECT m.product_code AS code, m.lot, max(m.expiry) AS expiry
         FROM stock_movements m JOIN products p ON p.code = m.product_code
        WHERE m.location = ?2 AND ${MOVED_AT} <= ?3
          AND (?4 IS NULL OR p.department = ?4)
          AND (?5 IS NULL OR p.category IN (SELECT id FROM tree))
          AND m.product_code NOT IN (SELECT product_code FROM stock_document_lines WHERE document_id = ?1)
        GROUP BY m.product_code, m.lot HAVING sum(m.qty_milli) <> 0
        ORDER BY m.product_code, m.lot`,
    )
    .all(doc.id, location, countedAtOf(doc) ?? doc.createdAt, doc.department, doc.category);
  if (missing.length === 0) return;
  const last =
    sqlite
      .query<{ n: number | null }, [string]>(
        "SELECT max(line_no) AS n FROM stock_document_lines WHERE document_id = ?1",
      )
      .get(doc.id)?.n ?? 0;
  for (let i = 0; i < missing.length; i += 500) {
    tx.insert(stockDocumentLines)
      .values(
        missing.slice(i, i + 500).map((m, j) => ({
          documentId: doc.id,
          lineNo: last + i + j + 1,
          productCode: m.code,
          countedMilli: 0,
          location: null,
          lot: m.lot,
          expiry: m.expiry,
          unitCostMinor: null,
          expectedMilli: null,
        })),
      )
      .run();
  }
}
