/**
 * Shifts at a till: opened with a float, cash put in or taken out with a reason, read
 * mid-shift with an X report (which changes nothing), and closed with a count into a Z report
 * that is numbered store-wide, stored with the shift and never reissued or renumbered.
 */
import { and, desc, eq, isNotNull, isNull, type SQL } from "drizzle-orm";
import { cashMovements, shifts } from "../../../schema/store.ts";
import type {
  CashMoveInput,
  CloseShiftInput,
  ListShiftsQuery,
  OpenShiftInput,
  ShiftReport,
  ShiftView,
} from "../../api/store/shifts.ts";
import { uuidv7 } from "../../core/ids.ts";
import { AUDIT_ACTIONS } from "../audit/actions.ts";
import { recordAudit } from "../audit/service.ts";
import type { Principal } from "../auth/tokens.ts";
import { nextCounter } from "../catalog/service.ts";
import type { StoreContext, StoreTx } from "../context.ts";
import { appendEvent } from "../journal/journal.ts";
import { actorId } from "../users/access.ts";
import { ShiftError } from "./errors.ts";
import { type ShiftRow, shiftReport, withCount } from "./totals.ts";

/** The store-wide counter Z reports are numbered by. */
export const Z_COUNTER = "z_report";

export function toShiftView(row: ShiftRow): ShiftView {
  return {
    id: row.id,
    tillId: row.tillId,
    status: row.closedAt ? "closed" : "open",
    openedBy: row.openedBy,
    openedAt: row.openedAt,
    floatMinor: row.floatMinor,
    closedAt: row.closedAt,
    closedBy: row.closedBy,
    zNumber: row.zNumber,
  };
}

export interface CashMovement {
  movementId: string;
  shiftId: string;
  tillId: string;
  kind: "in" | "out";
  amountMinor: number;
  reason: string;
  userId: string;
  at: string;
  /** Cash the drawer should hold after the movement. */
  expectedCashMinor: number;
  /** Set when more cash was taken out than the drawer should hold (allowed, flagged). */
  exceedsExpectedCash?: true;
}

function shiftClosedError(row: ShiftRow): ShiftError {
  return new ShiftError(
    "SHIFT_CLOSED",
    `shift ${row.id} at till ${row.tillId} was closed at ${row.closedAt} with Z report ${row.zNumber}; open a new shift`,
    { shiftId: row.id, zNumber: row.zNumber, closedAt: row.closedAt },
  );
}

export class ShiftsService {
  constructor(private readonly ctx: StoreContext) {}

  private row(db: StoreContext["db"] | StoreTx, id: string): ShiftRow {
    const row = db.select().from(shifts).where(eq(shifts.id, id)).get();
    if (!row) throw new ShiftError("SHIFT_NOT_FOUND", `no shift has the id ${id}`);
    return row;
  }

  get(id: string): ShiftView {
    return toShiftView(this.row(this.ctx.db, id));
  }

  /** The till a shift belongs to (for access checks before acting on it). */
  tillOf(id: string): string {
    return this.row(this.ctx.db, id).tillId;
  }

  current(tillId: string): ShiftView {
    const row = this.ctx.db
      .select()
      .from(shifts)
      .where(and(eq(shifts.tillId, tillId), isNull(shifts.closedAt)))
      .get();
    if (!row) {
      throw new ShiftError(
        "NO_OPEN_SHIFT",
        `till ${tillId} has no open shift; open one at the till (log in and count the float), or with 'ringup admin shift open --till ${tillId} --float AMOUNT' (POST /shifts)`,
        { tillId },
      );
    }
    return toShiftView(row);
  }

  list(q: ListShiftsQuery): ShiftView[] {
    const conditions: SQL[] = [];
    if (q.tillId) conditions.push(eq(shifts.tillId, q.tillId));
    if (q.status === "open") conditions.push(isNull(shifts.closedAt));
    if (q.status === "closed") conditions.push(isNotNull(shifts.closedAt));
    return this.ctx.db
      .select()
      .from(shifts)
      .where(conditions.length > 0 ? and(...conditions) : undefined)
      .orderBy(desc(shifts.openedAt), desc(shifts.id))
      .limit(q.limit)
      .all()
      .map(toShiftView);
  }

  open(input: OpenShiftInput, principal: Principal): ShiftView {
    const at = this.ctx.now();
    const by = actorId(principal);
    return this.ctx.db.transaction((tx) => {
      const open = tx
        .select({ id: shifts.id, openedAt: shifts.openedAt })
        .from(shifts)
        .where(and(eq(shifts.tillId, input.tillId), isNull(shifts.closedAt)))
        .get();
      if (open) {
        throw new ShiftError(
          "SHIFT_ALREADY_OPEN",
          `till ${input.tillId} already has a shift open since ${open.openedAt}; close it first`,
          { shiftId: open.id, tillId: input.tillId },
        );
      }
      const row: ShiftRow = {
        id: uuidv7(at.getTime()),
        tillId: input.tillId,
        openedBy: by,
        openedAt: at.toISOString(),
        floatMinor: input.floatMinor,
        closedAt: null,
        closedBy: null,
        zNumber: null,
        zReport: null,
      };
      tx.insert(shifts).values(row).run();
      recordAudit(this.ctx, tx, {
        action: AUDIT_ACTIONS.shiftOpened,
        at,
        userId: by,
        tillId: row.tillId,
        refId: row.id,
        detail: { floatMinor: row.floatMinor },
      });
      appendEvent(
        tx,
        this.ctx.storeId,
        "shift.opened",
        { shiftId: row.id, tillId: row.tillId, userId: by, at: row.openedAt, floatMinor: row.floatMinor },
        at,
      );
      return toShiftView(row);
    });
  }

  moveCash(shiftId: string, input: CashMoveInput, principal: Principal): CashMovement {
    const at = this.ctx.now();
    const by = actorId(principal);
    return this.ctx.db.transaction((tx) => {
      const shift = this.row(tx, shiftId);
      if (shift.closedAt) throw shiftClosedError(shift);
      const before = shiftReport(this.ctx, tx, shift, at).cash.expectedMinor;
      const movement: CashMovement = {
        movementId: uuidv7(at.getTime()),
        shiftId,
        tillId: shift.tillId,
        kind: input.kind,
        amountMinor: input.amountMinor,
        reason: input.reason,
        userId: by,
        at: at.toISOString(),
        expectedCashMinor: before + (input.kind === "in" ? input.amountMinor : -input.amountMinor),
      };
      if (input.kind === "out" && input.amountMinor > before) movement.exceedsExpectedCash = true;
      tx.insert(cashMovements)
        .values({
          id: movement.movementId,
          shiftId,
          kind: input.kind,
          amountMinor: input.amountMinor,
          reason: input.reason,
          userId: by,
          at: movement.at,
        })
        .run();
      const detail: Record<string, unknown> = { amountMinor: input.amountMinor, reason: input.reason };
      if (movement.exceedsExpectedCash) detail.exceedsExpectedCash = true;
      recordAudit(this.ctx, tx, {
        action: input.kind === "in" ? AUDIT_ACTIONS.cashIn : AUDIT_ACTIONS.cashOut,
        at,
        userId: by,
        tillId: shift.tillId,
        refId: movement.movementId,
        detail,
      });
      appendEvent(
        tx,
        this.ctx.storeId,
        "cash.moved",
        {
          movementId: movement.movementId,
          shiftId,
          tillId: shift.tillId,
          userId: by,
          approvedBy: null,
          at: movement.at,
          kind: input.kind,
          amountMinor: input.amountMinor,
          reason: input.reason,
        },
        at,
      );
      return movement;
    });
  }

  /** The X report: a reading of an open shift. Writes nothing. */
  xReport(shiftId: string): ShiftReport {
    const shift = this.row(this.ctx.db, shiftId);
    if (shift.closedAt) throw shiftClosedError(shift);
    return shiftReport(this.ctx, this.ctx.db, shift, this.ctx.now());
  }

  /** The Z report as it was issued at close. */
  zReport(shiftId: string): ShiftReport {
    const shift = this.row(this.ctx.db, shiftId);
    if (!shift.zReport) {
      throw new ShiftError(
        "NO_Z_REPORT",
        `shift ${shiftId} is still open: it has no Z report yet (GET its x-report, or close it)`,
        { shiftId },
      );
    }
    return JSON.parse(shift.zReport) as ShiftReport;
  }

  close(shiftId: string, input: CloseShiftInput, principal: Principal): ShiftReport {
    const at = this.ctx.now();
    const by = actorId(principal);
    const counted: Record<string, number> = { ...input.counted };
    if (input.cashDenominations) {
      counted.cash = input.cashDenominations.reduce((sum, d) => sum + d.valueMinor * d.count, 0);
    }
    return this.ctx.db.transaction((tx) => {
      const shift = this.row(tx, shiftId);
      if (shift.closedAt) throw shiftClosedError(shift);
      const zNumber = nextCounter(tx, Z_COUNTER);
      const report = withCount(
        shiftReport(this.ctx, tx, shift, at),
        zNumber,
        by,
        counted,
        input.cashDenominations,
      );
      const closed = tx
        .update(shifts)
        .set({ closedAt: report.at, closedBy: by, zNumber, zReport: JSON.stringify(report) })
        .where(and(eq(shifts.id, shiftId), isNull(shifts.closedAt)))
        .returning({ id: shifts.id })
        .get();
      if (!closed) throw shiftClosedError(this.row(tx, shiftId));
      recordAudit(this.ctx, tx, {
        action: AUDIT_ACTIONS.shiftClosed,
        at,
        userId: by,
        tillId: shift.tillId,
        refId: shift.id,
        detail: {
          zNumber,
          expectedCashMinor: report.cash.expectedMinor,
          countedCashMinor: report.cash.countedMinor ?? null,
          overShortMinor: report.overShortMinor ?? 0,
        },
      });
      this.journalClose(tx, report, by, at);
      return report;
    });
  }

  private journalClose(tx: StoreTx, report: ShiftReport, by: string, at: Date): void {
    const counted = report.cash.countedMinor ?? null;
    appendEvent(
      tx,
      this.ctx.storeId,
      "shift.closed",
      {
        shiftId: report.shiftId,
        tillId: report.tillId,
        userId: by,
        at: report.at,
        zNumber: report.zNumber,
        floatMinor: report.cash.openingFloatMinor,
        expectedCashMinor: report.cash.expectedMinor,
        countedCashMinor: counted,
        varianceMinor: counted === null ? null : counted - report.cash.expectedMinor,
        salesCount: report.salesCount,
        salesTotalMinor: report.salesTotalMinor,
        returnsCount: report.returnsCount,
        returnsTotalMinor: report.returnsTotalMinor,
        byTender: report.byTender,
      },
      at,
    );
  }
}
