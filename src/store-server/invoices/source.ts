/**
 * The documents invoices are made from, read as they were recorded: a sale (or a return) with
 * its lines, tax rows and receipt number. Nothing is priced again.
 */
import type { Database } from "bun:sqlite";
import type { RungLine, RungTax } from "../../core/invoice-figures.ts";

export interface RungDocument {
  id: string;
  receiptNo: string;
  at: string;
  status: string;
  taxMinor: number;
  totalMinor: number;
  /** A return's original sale. */
  originalSaleId: string | null;
  lines: RungLine[];
  taxes: RungTax[];
}

const LINE_COLUMNS = `line_no AS lineNo, code, name, tax_class AS taxClass, qty_milli AS qtyMilli,
  unit_price_minor AS unitPriceMinor, discount_minor AS discountMinor, tax_minor AS taxMinor, total_minor AS totalMinor`;

function taxesOf(sqlite: Database, docId: string, kind: "sale" | "return"): RungTax[] {
  return sqlite
    .query<RungTax, [string, string]>(
      `SELECT tax_class AS taxClass, rate, base_minor AS baseMinor, tax_minor AS taxMinor
       FROM sale_taxes WHERE doc_id = ? AND doc_kind = ?`,
    )
    .all(docId, kind);
}

export function readSale(sqlite: Database, saleId: string): RungDocument | undefined {
  const sale = sqlite
    .query<Omit<RungDocument, "lines" | "taxes" | "originalSaleId">, [string]>(
      `SELECT id, receipt_no AS receiptNo, at, status, tax_minor AS taxMinor, total_minor AS totalMinor
       FROM sales WHERE id = ?`,
    )
    .get(saleId);
  if (!sale) return undefined;
  const lines = sqlite
    .query<RungLine, [string]>(`SELECT ${LINE_COLUMNS} FROM sale_lines WHERE sale_id = ? ORDER BY line_no`)
    .all(saleId);
  return { ...sale, originalSaleId: null, lines, taxes: taxesOf(sqlite, saleId, "sale") };
}

export function readReturn(sqlite: Database, returnId: string): RungDocument | undefined {
  const ret = sqlite
    .query<Omit<RungDocument, "lines" | "taxes" | "status">, [string]>(
      `SELECT id, receipt_no AS receiptNo, at, original_sale_id AS originalSaleId, tax_minor AS taxMinor,
         total_minor AS totalMinor FROM returns WHERE id = ?`,
    )
    .get(returnId);
  if (!ret) return undefined;
  const lines = sqlite
    .query<RungLine, [string]>(
      `SELECT ${LINE_COLUMNS} FROM return_lines WHERE return_id = ? ORDER BY line_no`,
    )
    .all(returnId);
  return { ...ret, status: "completed", lines, taxes: taxesOf(sqlite, returnId, "return") };
}
