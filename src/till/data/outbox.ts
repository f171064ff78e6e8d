/**
 * The outbox of completed sales: each sale is written as the body of the store's `POST /sales`
 * in one synchronous=FULL transaction before the till tells the cashier it is done, and read
 * back oldest first by the drainer. A row is `pending` until the store accepts it (`sent`) or
 * refuses it (`rejected`, kept with the store's error; never resent automatically).
 */
import { and, asc, count, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { tillOutbox } from "../../../schema/till.ts";
import { InvalidInputError } from "../../core/errors.ts";
import { uuidSchema } from "../../core/ids.ts";
import { milliToDecimalString, requireQuantityMilli } from "../../core/quantity.ts";
import type { CompletedSale } from "../services.ts";
import { relaxed, type TillDb } from "./db.ts";
import type { OutboxCounts } from "./link.ts";

/** What the till checks before keeping a sale: what the store would refuse for sure. */
const saleShapeSchema = z.object({
  id: uuidSchema,
  cashierId: z.string().min(1).max(40),
  at: z.iso.datetime({ error: "must be an ISO 8601 UTC time" }),
  receiptNo: z.string().min(1).max(40),
  lines: z
    .array(z.object({ code: z.string().trim().min(1).max(32) }))
    .min(1, "a sale needs at least one line"),
  // None only for a sale that comes to nothing; the store checks that tenders cover the total.
  tenders: z.array(z.object({ type: z.string().min(1).max(20), amountMinor: z.number().int().positive() })),
});

/** The body of `POST /sales` for a completed sale: quantities as decimal strings. */
export function saleRequestBody(sale: CompletedSale): Record<string, unknown> {
  const checked = saleShapeSchema.safeParse(sale);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new InvalidInputError(
      "INVALID_SALE",
      `the sale cannot be kept: ${issue ? `${issue.path.join(".")}: ${issue.message}` : "it is malformed"}`,
    );
  }
  const body: Record<string, unknown> = {
    id: sale.id,
    tillId: sale.tillId,
    cashierId: sale.cashierId,
    at: sale.at,
    receiptNo: sale.receiptNo,
    lines: sale.lines.map((line) => {
      const out: Record<string, unknown> = {
        code: line.code,
        qty: milliToDecimalString(requireQuantityMilli(line.qtyMilli)),
      };
      if (line.unitPriceMinor !== undefined) out.unitPriceMinor = line.unitPriceMinor;
      if (line.discount !== undefined) out.discount = line.discount;
      return out;
    }),
    tenders: sale.tenders.map((t) => ({ type: t.type, amountMinor: t.amountMinor })),
  };
  if (sale.discount !== undefined) body.discount = sale.discount;
  if (sale.audit.length > 0) body.audit = sale.audit;
  return body;
}

export interface OutboxRow {
  seq: number;
  saleId: string;
  receiptNo: string;
  body: string;
  attempts: number;
}

export class Outbox {
  constructor(private readonly db: TillDb) {}

  /** Keeps a sale durably (idempotent by sale id); answers false when it was kept already. */
  add(sale: CompletedSale, at: Date): boolean {
    const body = JSON.stringify(saleRequestBody(sale));
    const inserted = this.db
      .insert(tillOutbox)
      .values({ saleId: sale.id, receiptNo: sale.receiptNo, body, createdAt: at.toISOString() })
      .onConflictDoNothing({ target: tillOutbox.saleId })
      .returning({ seq: tillOutbox.seq })
      .all();
    return inserted.length > 0;
  }

  /** The oldest sale not yet accepted or refused by the store. */
  oldestPending(): OutboxRow | null {
    return (
      this.db
        .select({
          seq: tillOutbox.seq,
          saleId: tillOutbox.saleId,
          receiptNo: tillOutbox.receiptNo,
          body: tillOutbox.body,
          attempts: tillOutbox.attempts,
        })
        .from(tillOutbox)
        .where(eq(tillOutbox.status, "pending"))
        .orderBy(asc(tillOutbox.seq))
        .limit(1)
        .get() ?? null
    );
  }

  // The marks below are written without waiting for fsync (see `relaxed`): one lost to a power
  // cut leaves the sale pending, and it is sent again.

  markSent(seq: number, at: Date): void {
    relaxed(this.db.$client, () =>
      this.db
        .update(tillOutbox)
        .set({ status: "sent", sentAt: at.toISOString(), lastError: null })
        .where(and(eq(tillOutbox.seq, seq), eq(tillOutbox.status, "pending")))
        .run(),
    );
  }

  markRejected(seq: number, error: string): void {
    relaxed(this.db.$client, () =>
      this.db
        .update(tillOutbox)
        .set({ status: "rejected", lastError: error })
        .where(and(eq(tillOutbox.seq, seq), eq(tillOutbox.status, "pending")))
        .run(),
    );
  }

  /** A try that did not reach a verdict (store unreachable): counted, the row stays pending. */
  noteAttempt(seq: number, error: string): void {
    relaxed(this.db.$client, () =>
      this.db
        .update(tillOutbox)
        .set({ attempts: sql`${tillOutbox.attempts} + 1`, lastError: error })
        .where(eq(tillOutbox.seq, seq))
        .run(),
    );
  }

  counts(): OutboxCounts {
    const n = (status: "pending" | "rejected") =>
      this.db.select({ n: count() }).from(tillOutbox).where(eq(tillOutbox.status, status)).get()?.n ?? 0;
    return { pending: n("pending"), rejected: n("rejected") };
  }

  /** True while the sale waits in the outbox (not yet accepted or refused by the store). */
  isPending(saleId: string): boolean {
    return (
      this.db
        .select({ seq: tillOutbox.seq })
        .from(tillOutbox)
        .where(and(eq(tillOutbox.saleId, saleId), eq(tillOutbox.status, "pending")))
        .get() !== undefined
    );
  }

  /** The sale id this till gave a receipt number, if the sale was made here. */
  saleIdOfReceipt(receiptNo: string): string | null {
    return (
      this.db
        .select({ saleId: tillOutbox.saleId })
        .from(tillOutbox)
        .where(eq(tillOutbox.receiptNo, receiptNo))
        .get()?.saleId ?? null
    );
  }

  /** Rejected sales with the store's reason, oldest first (for a manager to look at). */
  rejected(): { saleId: string; receiptNo: string; error: string | null }[] {
    return this.db
      .select({ saleId: tillOutbox.saleId, receiptNo: tillOutbox.receiptNo, error: tillOutbox.lastError })
      .from(tillOutbox)
      .where(eq(tillOutbox.status, "rejected"))
      .orderBy(asc(tillOutbox.seq))
      .all();
  }
}
