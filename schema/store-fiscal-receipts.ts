/** What the tills' fiscal printers did with each sale's receipt: its number in their fiscal memory, or why none. */
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const fiscalReceipts = sqliteTable("fiscal_receipts", {
  saleId: text("sale_id").primaryKey(),
  tillId: text("till_id").notNull(),
  receiptNo: text("receipt_no").notNull(),
  at: text("at").notNull(),
  status: text("status", { enum: ["printed", "unavailable"] }).notNull(),
  fiscalReceiptNo: text("fiscal_receipt_no"),
  memoryCounter: integer("memory_counter"),
  reason: text("reason"),
  detail: text("detail"),
});
