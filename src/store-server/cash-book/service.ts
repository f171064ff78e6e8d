/**
 * The cash book's expenses and corrections. An expense is paid from the drawer of a till's
 * open register session and never more than the drawer should hold; a correction of a cash
 * error is its own entry naming what it corrects (an expense, a hand-in or a cash movement),
 * and may not turn the corrected amount around. Both are idempotent by id.
 */
import { eq, sql } from "drizzle-orm";
import { cashBookEntries, cashMovements, shifts } from "../../../schema/store.ts";
import type { CashBookEntry, CorrectionInput, ExpenseInput } from "../../api/store/cash-book.ts";
import { sha256Hex } from "../../core/sha256.ts";
import { AUDIT_ACTIONS } from "../audit/actions.ts";
import type { Principal } from "../auth/tokens.ts";
import type { StoreContext, StoreTx } from "../context.ts";
import { actorId, requireTillAccess } from "../users/access.ts";
import { entryView, existingEntry, writeEntry } from "./entries.ts";
import { CashBookError } from "./errors.ts";

/** The register an entry is for: a session's own till, or the one an admin names. */
export function registerOf(principal: Principal, tillId: string | undefined, action: string): string {
  const till = tillId ?? principal.tillId;
  if (till === null) {
    throw new CashBookError("TILL_REQUIRED", `${action}: name the till (tillId) whose drawer it is`);
  }
  requireTillAccess(principal, till, action);
  return till;
}

interface Corrected {
  tillId: string;
  /** Effect on the drawer of what is corrected. */
  amountMinor: number;
}

function correctedOf(tx: StoreTx, id: string): Corrected {
  const entry = tx.select().from(cashBookEntries).where(eq(cashBookEntries.id, id)).get();
  if (entry) {
    if (entry.kind === "correction") {
      throw new CashBookError(
        "CORRECTION_OF_CORRECTION",
        `${id} is itself a correction: correct the entry it corrects (${entry.correctsId}) again`,
        { correctsId: entry.correctsId },
      );
    }
    return { tillId: entry.tillId, amountMinor: entry.amountMinor };
  }
  const movement = tx
    .select({ kind: cashMovements.kind, amountMinor: cashMovements.amountMinor, tillId: shifts.tillId })
    .from(cashMovements)
    .innerJoin(shifts, eq(shifts.id, cashMovements.shiftId))
    .where(eq(cashMovements.id, id))
    .get();
  if (!movement) {
    throw new CashBookError("NOTHING_TO_CORRECT", `no cash book entry or cash movement has the id ${id}`, {
      correctsId: id,
    });
  }
  return {
    tillId: movement.tillId,
    amountMinor: movement.kind === "in" ? movement.amountMinor : -movement.amountMinor,
  };
}

export class CashBookService {
  constructor(private readonly ctx: StoreContext) {}

  expense(input: ExpenseInput, principal: Principal): CashBookEntry {
    const tillId = registerOf(principal, input.tillId, "recording an expense");
    const by = actorId(principal);
    const requestHash = sha256Hex(JSON.stringify({ kind: "expense", ...input, tillId }));
    const at = this.ctx.now();
    return this.ctx.db.transaction((tx) => {
      const existing = existingEntry(tx, input.id, requestHash);
      if (existing) return entryView(existing);
      return writeEntry(
        this.ctx,
        tx,
        {
          id: input.id,
          kind: "expense",
          tillId,
          userId: by,
          amountMinor: -input.amountMinor,
          category: input.category,
          note: input.note,
          receiptRef: input.receiptRef,
          requestHash,
          audit: AUDIT_ACTIONS.cashExpense,
        },
        at,
      );
    });
  }

  correct(input: CorrectionInput, principal: Principal): CashBookEntry {
    const by = actorId(principal);
    const requestHash = sha256Hex(JSON.stringify({ kind: "correction", ...input }));
    const at = this.ctx.now();
    return this.ctx.db.transaction((tx) => {
      const existing = existingEntry(tx, input.id, requestHash);
      if (existing) return entryView(existing);
      const corrected = correctedOf(tx, input.correctsId);
      requireTillAccess(principal, corrected.tillId, "correcting a cash error");
      const before = tx
        .select({ sum: sql<number>`coalesce(sum(${cashBookEntries.amountMinor}), 0)` })
        .from(cashBookEntries)
        .where(eq(cashBookEntries.correctsId, input.correctsId))
        .get();
      const net = corrected.amountMinor + (before?.sum ?? 0) + input.amountMinor;
      if (Math.sign(net) !== 0 && Math.sign(net) !== Math.sign(corrected.amountMinor)) {
        throw new CashBookError(
          "CORRECTION_REVERSES",
          `${input.correctsId} moved ${corrected.amountMinor} minor units (${before?.sum ?? 0} corrected so far): a correction of ${input.amountMinor} would turn it around`,
          {
            correctsId: input.correctsId,
            amountMinor: corrected.amountMinor,
            correctedMinor: before?.sum ?? 0,
          },
        );
      }
      return writeEntry(
        this.ctx,
        tx,
        {
          id: input.id,
          kind: "correction",
          tillId: corrected.tillId,
          userId: by,
          amountMinor: input.amountMinor,
          category: "correction",
          note: input.reason,
          correctsId: input.correctsId,
          requestHash,
          audit: AUDIT_ACTIONS.cashCorrection,
        },
        at,
      );
    });
  }
}
