/**
 * The outbox of completed sales: each sale is written as the body of the store's `POST /sales`
 * in one synchronous=FULL transaction before the till tells the cashier it is done, and read
 * back oldest first by the drainer. A row is `pending` until the store accepts it (`sent`) or
 * refuses it (`rejected`, kept with the store's error; never resent automatically).
 * Besides completed sales (`kind: "sale"`) it carries sales cancelled before payment
 * (`"cancellation"`) and cashier actions for the store's audit log (`"audit"`, one entry a
 * row, keyed by the entry's id in `sale_id`), and customers created while the store was out of
 * reach (`"customer"`, keyed by the customer's id). Only refused sales are counted and reported as
 * refused: nothing else was paid.
 */
import type { Statement } from "bun:sqlite";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { z } from "zod";
import { tillOutbox } from "../../../schema/till.ts";
import { rungSaleSchema } from "../../api/store/sales.ts";
import type { TillCustomerInput } from "../../api/store/till-customers.ts";
import { rungDocumentOf } from "../../core/as-rung.ts";
import { InvalidInputError } from "../../core/errors.ts";
import type { TillTraceEntry } from "../../core/till-trace.ts";
import type { CancelledSale, CompletedSale, RefusedSale } from "../services.ts";
import { relaxed, type TillDb } from "./db.ts";
import type { OutboxCounts } from "./link.ts";

/** The body of `POST /sales` as rung, as the till writes it. */
export type RungSaleBody = z.input<typeof rungSaleSchema>;

/** What the data layer adds to a sale from the session and settings it was made under. */
export interface SaleContext {
  /** Rates of the tax classes when the sale was priced (percent, decimal strings). */
  taxRates: ReadonlyMap<string, string>;
  /** Proof of the log-in the sale was made under (see the store's `madeIn`). */
  madeIn: string | null;
}

/**
 * The body of `POST /sales` for a completed sale: the document as rung (CONTRACT.md), i.e. the
 * till's own pricing of it, line by line, with its totals, tax rows and tenders. The store
 * records it as rung; it never prices it again.
 */
export function saleRequestBody(sale: CompletedSale, context: SaleContext): RungSaleBody {
  const doc = rungDocumentOf(sale.quote, context.taxRates);
  const body: RungSaleBody = {
    asRung: true,
    id: sale.id,
    tillId: sale.tillId,
    cashierId: sale.cashierId,
    at: sale.at,
    receiptNo: sale.receiptNo,
    ...doc,
    lines: doc.lines.map((line, i) => {
      const rung = sale.lines[i];
      return {
        ...line,
        ...(rung?.unitPriceMinor === undefined ? {} : { priceSource: rung.priceSource ?? "open" }),
        ...(rung?.snapEligible ? { snapEligible: true } : {}),
        ...(rung?.lot === undefined ? {} : { lot: rung.lot }),
        ...(rung?.expiry === undefined ? {} : { expiry: rung.expiry }),
        ...(rung?.serial === undefined ? {} : { serial: rung.serial }),
        ...(rung?.card === undefined ? {} : { card: rung.card }),
        ...(rung?.staffId === undefined ? {} : { staffId: rung.staffId }),
        ...(rung?.packageId === undefined ? {} : { packageId: rung.packageId }),
      };
    }),
    ...(sale.card === undefined ? {} : { card: sale.card }),
    ...(sale.couponCodes === undefined ? {} : { couponCodes: sale.couponCodes }),
    tenders: sale.tenders.map((t) => ({
      type: t.type,
      amountMinor: t.amountMinor,
      ...(t.ref === undefined ? {} : { ref: t.ref }),
      ...(t.card === undefined ? {} : { card: t.card }),
    })),
    ...(context.madeIn === null ? {} : { madeIn: context.madeIn }),
    ...(sale.audit.length > 0 ? { audit: sale.audit } : {}),
    ...(sale.prizeCode === undefined ? {} : { prizeCode: sale.prizeCode }),
    ...(sale.fiscal === undefined ? {} : { fiscal: sale.fiscal }),
    ...(sale.registrar === undefined ? {} : { registrar: sale.registrar }),
  };
  // What the store would refuse for sure is not kept: the cashier hears of it now.
  const checked = rungSaleSchema.safeParse(body);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new InvalidInputError(
      "INVALID_SALE",
      `the sale cannot be kept: ${issue ? `${issue.path.join(".")}: ${issue.message}` : "it is malformed"}`,
    );
  }
  return body;
}

function totalOf(body: string): number | null {
  try {
    const total = (JSON.parse(body) as { totalMinor?: unknown }).totalMinor;
    return typeof total === "number" && Number.isSafeInteger(total) && total >= 0 ? total : null;
  } catch {
    return null;
  }
}

export interface OutboxRow {
  seq: number;
  saleId: string;
  receiptNo: string;
  body: string;
  attempts: number;
  kind: "sale" | "cancellation" | "audit" | "customer";
}

export class Outbox {
  #counts: Statement<OutboxCounts, []> | undefined;

  constructor(private readonly db: TillDb) {}

  /** Keeps a sale durably (idempotent by sale id); answers false when it was kept already. */
  add(sale: CompletedSale, at: Date, context: SaleContext): boolean {
    const body = JSON.stringify(saleRequestBody(sale, context));
    const inserted = this.db
      .insert(tillOutbox)
      .values({ saleId: sale.id, receiptNo: sale.receiptNo, body, createdAt: at.toISOString() })
      .onConflictDoNothing({ target: tillOutbox.saleId })
      .returning({ seq: tillOutbox.seq })
      .all();
    return inserted.length > 0;
  }

  /** Keeps a sale cancelled before payment, for the store's audit log (idempotent by sale id). */
  addCancellation(sale: CancelledSale, tillId: string, at: Date, madeIn: string | null): boolean {
    const body: Record<string, unknown> = {
      id: sale.id,
      tillId,
      cashierId: sale.cashierId,
      at: sale.at,
      lines: sale.lines,
      totalMinor: sale.totalMinor,
      audit: sale.audit,
    };
    if (madeIn !== null) body.madeIn = madeIn;
    return (
      this.db
        .insert(tillOutbox)
        .values({
          saleId: sale.id,
          receiptNo: "",
          kind: "cancellation",
          body: JSON.stringify(body),
          createdAt: at.toISOString(),
        })
        .onConflictDoNothing({ target: tillOutbox.saleId })
        .returning({ seq: tillOutbox.seq })
        .all().length > 0
    );
  }

  /** Keeps a cashier action for the store's audit log (idempotent by the entry's id). */
  addTrace(entry: TillTraceEntry, at: Date): boolean {
    return (
      this.db
        .insert(tillOutbox)
        .values({
          saleId: entry.id,
          receiptNo: "",
          kind: "audit",
          body: JSON.stringify(entry),
          createdAt: at.toISOString(),
        })
        .onConflictDoNothing({ target: tillOutbox.saleId })
        .returning({ seq: tillOutbox.seq })
        .all().length > 0
    );
  }

  /**
   * Keeps a customer created while the store was out of reach (the body of the store's
   * `POST /customers`; idempotent by the customer's id). Sent in order, before the sales rung
   * with them after it.
   */
  addCustomer(customer: TillCustomerInput, at: Date): boolean {
    return (
      this.db
        .insert(tillOutbox)
        .values({
          saleId: customer.id,
          receiptNo: "",
          kind: "customer",
          body: JSON.stringify(customer),
          createdAt: at.toISOString(),
        })
        .onConflictDoNothing({ target: tillOutbox.saleId })
        .returning({ seq: tillOutbox.seq })
        .all().length > 0
    );
  }

  /** Customers created here that the store does not have yet (oldest first). */
  keptCustomers(): TillCustomerInput[] {
    return this.db
      .select({ body: tillOutbox.body })
      .from(tillOutbox)
      .where(and(eq(tillOutbox.kind, "customer"), eq(tillOutbox.status, "pending")))
      .orderBy(asc(tillOutbox.seq))
      .all()
      .map((r) => JSON.parse(r.body) as TillCustomerInput);
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
          kind: tillOutbox.kind,
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

  /** Refused sales not yet reported to the store. */
  unreportedRejections(): {
    seq: number;
    saleId: string;
    receiptNo: string;
    error: string | null;
    body: string;
    totalMinor: number | null;
  }[] {
    return this.db
      .select({
        seq: tillOutbox.seq,
        saleId: tillOutbox.saleId,
        receiptNo: tillOutbox.receiptNo,
        error: tillOutbox.lastError,
        body: tillOutbox.body,
      })
      .from(tillOutbox)
      .where(
        and(eq(tillOutbox.status, "rejected"), eq(tillOutbox.kind, "sale"), isNull(tillOutbox.reportedAt)),
      )
      .orderBy(asc(tillOutbox.seq))
      .limit(100)
      .all()
      .map((r) => ({ ...r, totalMinor: totalOf(r.body) }));
  }

  markReported(seqs: readonly number[], at: Date): void {
    if (seqs.length === 0) return;
    this.db
      .update(tillOutbox)
      .set({ reportedAt: at.toISOString() })
      .where(inArray(tillOutbox.seq, [...seqs]))
      .run();
  }

  /** A refused sale set back to pending, to be sent again (after a fix at the store). */
  resend(saleId: string): boolean {
    return (
      this.db
        .update(tillOutbox)
        .set({ status: "pending", reportedAt: null })
        .where(
          and(eq(tillOutbox.saleId, saleId), eq(tillOutbox.status, "rejected"), eq(tillOutbox.kind, "sale")),
        )
        .returning({ seq: tillOutbox.seq })
        .all().length > 0
    );
  }

  /** The kept document of a sale (the body sent to the store), for an export. */
  document(saleId: string): string | null {
    return (
      this.db.select({ body: tillOutbox.body }).from(tillOutbox).where(eq(tillOutbox.saleId, saleId)).get()
        ?.body ?? null
    );
  }

  /** Sales (and cancellations) waiting to be sent, and refused sales: what the status bar shows. */
  counts(): OutboxCounts {
    // Read after every call to the store (card scans included): prepared once, not built per call.
    this.#counts ??= this.db.$client.prepare(
      `SELECT (SELECT count(*) FROM outbox WHERE status = 'pending' AND kind != 'audit') AS pending,
        (SELECT count(*) FROM outbox WHERE status = 'rejected' AND kind = 'sale') AS rejected`,
    );
    return this.#counts.get() ?? { pending: 0, rejected: 0 };
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

  /** Refused sales with the store's reason, oldest first (for a supervisor to look at). */
  rejected(): RefusedSale[] {
    return this.db
      .select({
        saleId: tillOutbox.saleId,
        receiptNo: tillOutbox.receiptNo,
        reason: tillOutbox.lastError,
        body: tillOutbox.body,
        at: tillOutbox.createdAt,
      })
      .from(tillOutbox)
      .where(and(eq(tillOutbox.status, "rejected"), eq(tillOutbox.kind, "sale")))
      .orderBy(asc(tillOutbox.seq))
      .all()
      .map(({ body, ...r }) => ({ ...r, totalMinor: totalOf(body) }));
  }

  /** Where a row stands; null when the till has no row of that id. */
  status(saleId: string): "pending" | "sent" | "rejected" | null {
    return (
      this.db
        .select({ status: tillOutbox.status })
        .from(tillOutbox)
        .where(eq(tillOutbox.saleId, saleId))
        .get()?.status ?? null
    );
  }
}
