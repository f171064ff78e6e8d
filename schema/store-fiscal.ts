/**
 * Fiscal signatures of the store's sales, as the tills' signature devices gave them (one row a
 * sale that came with one): what `ringup admin fiscal export` writes. A sale its till could not
 * have signed is kept with why (`status` "unavailable", `reason`, `detail`).
 */
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const fiscalSignatures = sqliteTable(
  "fiscal_signatures",
  {
    saleId: text("sale_id").primaryKey(),
    tillId: text("till_id").notNull(),
    receiptNo: text("receipt_no").notNull(),
    /** The sale's time (ISO 8601 UTC): the export's period is chosen by it. */
    at: text("at").notNull(),
    status: text("status", { enum: ["signed", "unavailable"] }).notNull(),
    serial: text("serial"),
    publicKey: text("public_key"),
    algorithm: text("algorithm"),
    transactionNo: integer("transaction_no"),
    signatureCounter: integer("signature_counter"),
    startedAt: text("started_at"),
    finishedAt: text("finished_at"),
    processData: text("process_data"),
    signature: text("signature"),
    reason: text("reason"),
    detail: text("detail"),
  },
  (t) => [index("fiscal_signatures_at").on(t.at)],
);
