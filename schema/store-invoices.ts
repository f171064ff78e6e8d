/**
 * Invoices and credit notes issued by the store (docs/invoices.md). Each is kept as issued (the
 * `document` JSON) and never changed. Numbers come from a gap-free counter per kind and year
 * (`counters`: `invoice:YYYY`, `credit_note:YYYY`), taken in the transaction that writes the row.
 */
import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

export const invoices = sqliteTable(
  "invoices",
  {
    number: text("number").primaryKey(),
    kind: text("kind", { enum: ["invoice", "credit_note"] }).notNull(),
    year: integer("year").notNull(),
    seq: integer("seq").notNull(),
    saleId: text("sale_id").notNull(),
    /** The order the sale collected, when invoiced through its order. */
    orderId: text("order_id"),
    /** A credit note's return (`void:<saleId>` for a voided sale), and the invoice it credits. */
    returnId: text("return_id"),
    refersTo: text("refers_to"),
    buyerName: text("buyer_name").notNull(),
    /** The buyer as given (JSON): a repeat request for the same sale must name the same buyer. */
    buyer: text("buyer").notNull(),
    issuedAt: text("issued_at").notNull(),
    issuedBy: text("issued_by").notNull(),
    totalMinor: integer("total_minor").notNull(),
    /** The document as issued (JSON), answered on every reprint. */
    document: text("document").notNull(),
  },
  (t) => [
    uniqueIndex("invoices_kind_year_seq").on(t.kind, t.year, t.seq),
    uniqueIndex("invoices_one_per_sale").on(t.saleId).where(sql`kind = 'invoice'`),
    uniqueIndex("invoices_one_per_return").on(t.returnId).where(sql`return_id IS NOT NULL`),
    index("invoices_issued_at").on(t.issuedAt),
  ],
);

export const storeInvoicesSchema = { invoices };
