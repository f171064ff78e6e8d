/**
 * The cash book: expenses paid from a drawer, corrections of cash errors, and couriers' cash
 * handed in. Each entry moves the drawer through its own cash movement (`movementId`) and is
 * never edited: a correction is a new entry that names the one it corrects.
 */
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const cashBookEntries = sqliteTable(
  "cash_book_entries",
  {
    id: text("id").primaryKey(),
    kind: text("kind", { enum: ["expense", "correction", "hand_in"] }).notNull(),
    shiftId: text("shift_id").notNull(),
    tillId: text("till_id").notNull(),
    userId: text("user_id").notNull(),
    at: text("at").notNull(),
    /** Effect on the drawer: negative takes cash out (an expense), positive puts it in. */
    amountMinor: integer("amount_minor").notNull(),
    /** An expense's category (e.g. "supplies"); a correction's or hand-in's kind name. */
    category: text("category").notNull(),
    note: text("note"),
    /** Where the receipt's photo is kept (a reference, never the photo). */
    receiptRef: text("receipt_ref"),
    /** A correction: the cash book entry or cash movement it corrects. */
    correctsId: text("corrects_id"),
    /** A hand-in: the courier whose cash it is. */
    courierId: text("courier_id"),
    /** The cash movement that moved the drawer. */
    movementId: text("movement_id").notNull(),
    /** SHA-256 of the request: a repeat of the id with the same body answers the entry. */
    requestHash: text("request_hash").notNull(),
  },
  (t) => [
    index("cash_book_at").on(t.at),
    index("cash_book_shift").on(t.shiftId),
    index("cash_book_corrects").on(t.correctsId),
  ],
);
