/**
 * The till's print journal: each receipt and shift report is written to the till's SQLite
 * (synchronous=FULL) before it goes to the printer, so any of them prints again — marked as a
 * copy — after the next scan, the next sale or a restart. A reprint is journalled too, with the
 * cashier who asked and when.
 */
import { and, desc, eq, isNull } from "drizzle-orm";
import { tillPrintJournal } from "../../../schema/till.ts";
import { InvalidInputError } from "../../core/errors.ts";
import { buildReceipt } from "../../core/receipt.ts";
import { buildShiftReport } from "../../core/receipt-shift-report.ts";
import type { PrintableDoc, PrintSummary } from "../services.ts";
import type { TillDb } from "./db.ts";

type Row = typeof tillPrintJournal.$inferSelect;

class NothingToReprintError extends InvalidInputError {
  override readonly kind = "not_found" as const;
}

function titleOf(doc: PrintableDoc): string {
  return doc.type === "receipt" ? doc.receiptNo : `${doc.kind.toUpperCase()} ${doc.number}`;
}

function summaryOf(row: Row): PrintSummary {
  return { id: row.id, kind: row.kind, receiptNo: row.receiptNo, title: row.title, at: row.at };
}

/** The stored document, checked again on the way out of the database. */
function docOf(row: Row): PrintableDoc {
  const json: unknown = JSON.parse(row.doc);
  return row.kind === "receipt" ? buildReceipt(json) : buildShiftReport(json);
}

export class PrintJournal {
  constructor(
    private readonly db: TillDb,
    private readonly now: () => Date,
  ) {}

  /** Journals a document about to be printed; answers its entry. */
  record(doc: PrintableDoc, cashierId: string | null): PrintSummary {
    const original = { ...doc, copy: false };
    const row = this.db
      .insert(tillPrintJournal)
      .values({
        kind: doc.type === "receipt" ? "receipt" : "report",
        receiptNo: doc.type === "receipt" ? doc.receiptNo : null,
        title: titleOf(doc),
        doc: JSON.stringify(original),
        copyOf: null,
        cashierId,
        at: this.now().toISOString(),
      })
      .returning()
      .get();
    return summaryOf(row);
  }

  /** Documents printed here, newest first (copies left out). */
  recent(limit: number): PrintSummary[] {
    return this.db
      .select()
      .from(tillPrintJournal)
      .where(isNull(tillPrintJournal.copyOf))
      .orderBy(desc(tillPrintJournal.id))
      .limit(limit)
      .all()
      .map(summaryOf);
  }

  /**
   * Journals a reprint of an entry (by id, or the latest receipt with that number) by a cashier,
   * and answers the document to print, marked as a copy.
   */
  reprint(key: { id: number } | { receiptNo: string }, cashierId: string | null): PrintableDoc {
    const where =
      "id" in key
        ? and(eq(tillPrintJournal.id, key.id), isNull(tillPrintJournal.copyOf))
        : and(eq(tillPrintJournal.receiptNo, key.receiptNo.trim()), isNull(tillPrintJournal.copyOf));
    const original = this.db
      .select()
      .from(tillPrintJournal)
      .where(where)
      .orderBy(desc(tillPrintJournal.id))
      .get();
    if (!original) {
      throw new NothingToReprintError(
        "NOTHING_TO_REPRINT",
        "id" in key
          ? "That document is not in this till's print journal."
          : `Receipt ${key.receiptNo.trim()} was not printed at this till; check the number.`,
        key,
      );
    }
    const doc = { ...docOf(original), copy: true };
    this.db
      .insert(tillPrintJournal)
      .values({
        kind: original.kind,
        receiptNo: original.receiptNo,
        title: original.title,
        doc: original.doc,
        copyOf: original.id,
        cashierId,
        at: this.now().toISOString(),
      })
      .run();
    return doc;
  }
}
