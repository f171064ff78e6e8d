/**
 * Writing one cash book entry: the drawer moves through its own cash movement on the till's
 * open shift, the entry is kept beside it, audited and journaled (`cash.moved` and
 * `cash.book_recorded`), all in the caller's transaction. An entry is never edited.
 */
import { and, eq, isNull } from "drizzle-orm";
import { cashBookEntries, cashMovements, shifts } from "../../../schema/store.ts";
import type { CashBookEntry } from "../../api/store/cash-book.ts";
import { uuidv7 } from "../../core/ids.ts";
import { recordAudit } from "../audit/service.ts";
import type { StoreContext, StoreTx } from "../context.ts";
import { appendEvent } from "../journal/journal.ts";
import { shiftReport } from "../shifts/totals.ts";
import { CashBookError } from "./errors.ts";

type EntryRow = typeof cashBookEntries.$inferSelect;

export interface NewEntry {
  id: string;
  kind: EntryRow["kind"];
  tillId: string;
  userId: string;
  /** Effect on the drawer: negative out, positive in. */
  amountMinor: number;
  category: string;
  note?: string | undefined;
  receiptRef?: string | undefined;
  correctsId?: string | undefined;
  courierId?: string | undefined;
  deliveryIds?: string[];
  requestHash: string;
  audit: string;
}

export function entryView(row: EntryRow, deliveryIds: string[] = []): CashBookEntry {
  return {
    id: row.id,
    kind: row.kind,
    shiftId: row.shiftId,
    tillId: row.tillId,
    userId: row.userId,
    at: row.at,
    amountMinor: row.amountMinor,
    category: row.category,
    note: row.note,
    receiptRef: row.receiptRef,
    correctsId: row.correctsId,
    courierId: row.courierId,
    deliveryIds,
    movementId: row.movementId,
  };
}

/** An entry already recorded under `id`: the same request answers it, another is refused. */
export function existingEntry(tx: StoreTx, id: string, requestHash: string): EntryRow | undefined {
  const row = tx.select().from(cashBookEntries).where(eq(cashBookEntries.id, id)).get();
  if (row && row.requestHash !== requestHash) {
    throw new CashBookError(
      "ENTRY_ID_REUSED",
      `cash book entry ${id} was already recorded with other details; give a new id`,
      { id },
    );
  }
  return row;
}

export function openShiftOf(tx: StoreTx, tillId: string): typeof shifts.$inferSelect {
  const shift = tx
    .select()
    .from(shifts)
    .where(and(eq(shifts.tillId, tillId), isNull(shifts.closedAt)))
    .get();
  if (!shift) {
    throw new CashBookError(
      "NO_OPEN_SHIFT",
      `till ${tillId} has no open register session: open a shift there before recording cash in its drawer`,
      { tillId },
    );
  }
  return shift;
}

export function writeEntry(ctx: StoreContext, tx: StoreTx, input: NewEntry, at: Date): CashBookEntry {
  const shift = openShiftOf(tx, input.tillId);
  const expected = shiftReport(ctx, tx, shift, at).cash.expectedMinor;
  if (input.amountMinor < 0 && -input.amountMinor > expected) {
    throw new CashBookError(
      "OVER_DRAWER_CASH",
      `the drawer of till ${input.tillId} should hold ${expected} minor units: ${-input.amountMinor} cannot come out of it`,
      { tillId: input.tillId, expectedCashMinor: expected, amountMinor: -input.amountMinor },
    );
  }
  const iso = at.toISOString();
  const movementId = uuidv7(at.getTime());
  const kind = input.amountMinor < 0 ? "out" : "in";
  const amount = Math.abs(input.amountMinor);
  const reason = `${input.kind.replace("_", "-")}: ${input.category}`.slice(0, 200);
  tx.insert(cashMovements)
    .values({
      id: movementId,
      shiftId: shift.id,
      kind,
      amountMinor: amount,
      reason,
      userId: input.userId,
      at: iso,
    })
    .run();
  const row: EntryRow = {
    id: input.id,
    kind: input.kind,
    shiftId: shift.id,
    tillId: input.tillId,
    userId: input.userId,
    at: iso,
    amountMinor: input.amountMinor,
    category: input.category,
    note: input.note ?? null,
    receiptRef: input.receiptRef ?? null,
    correctsId: input.correctsId ?? null,
    courierId: input.courierId ?? null,
    movementId,
    requestHash: input.requestHash,
  };
  tx.insert(cashBookEntries).values(row).run();
  const deliveryIds = input.deliveryIds ?? [];
  recordAudit(ctx, tx, {
    action: input.audit,
    at,
    userId: input.userId,
    tillId: input.tillId,
    refId: input.id,
    detail: { amountMinor: input.amountMinor, category: input.category, correctsId: row.correctsId },
  });
  appendEvent(
    tx,
    ctx.storeId,
    "cash.moved",
    {
      movementId,
      shiftId: shift.id,
      tillId: input.tillId,
      userId: input.userId,
      approvedBy: null,
      at: iso,
      kind,
      amountMinor: amount,
      reason,
    },
    at,
  );
  const { id, ...view } = entryView(row, deliveryIds);
  appendEvent(tx, ctx.storeId, "cash.book_recorded", { entryId: id, ...view }, at);
  return { id, ...view, expectedCashMinor: expected + input.amountMinor };
}
