/**
 * A shift's totals from what was recorded on it: sales and returns (with their tenders and tax
 * rows) carrying the shift id, cash movements, and no-sale drawer openings at the till while
 * the shift was open. Read-only: an X report changes nothing.
 */
import { and, eq, gte, inArray, lte, sql } from "drizzle-orm";
import {
  audit,
  cashMovements,
  returns,
  sales,
  saleTaxes,
  type shifts,
  tenders,
} from "../../../schema/store.ts";
import type { ShiftReport, TenderReportLine } from "../../api/store/shifts.ts";
import { AUDIT_ACTIONS } from "../audit/actions.ts";
import type { StoreContext, StoreDb, StoreTx } from "../context.ts";
import { tipsOfShift } from "../restaurant/tips.ts";
import { shiftCommissions } from "../services/reports.ts";

export type ShiftRow = typeof shifts.$inferSelect;

const CASH = "cash";

interface DocSums {
  count: number;
  subtotalMinor: number;
  discountMinor: number;
  taxMinor: number;
  totalMinor: number;
}

function saleSums(db: StoreDb | StoreTx, shiftId: string): DocSums & { changeMinor: number } {
  return db
    .select({
      count: sql<number>`count(*)`,
      subtotalMinor: sql<number>`coalesce(sum(${sales.subtotalMinor}), 0)`,
      discountMinor: sql<number>`coalesce(sum(${sales.discountMinor}), 0)`,
      taxMinor: sql<number>`coalesce(sum(${sales.taxMinor}), 0)`,
      totalMinor: sql<number>`coalesce(sum(${sales.totalMinor}), 0)`,
      changeMinor: sql<number>`coalesce(sum(${sales.changeMinor}), 0)`,
    })
    .from(sales)
    .where(and(eq(sales.shiftId, shiftId), eq(sales.status, "completed")))
    .get() as DocSums & { changeMinor: number };
}

function returnSums(db: StoreDb | StoreTx, shiftId: string): DocSums {
  return db
    .select({
      count: sql<number>`count(*)`,
      subtotalMinor: sql<number>`coalesce(sum(${returns.subtotalMinor}), 0)`,
      discountMinor: sql<number>`coalesce(sum(${returns.discountMinor}), 0)`,
      taxMinor: sql<number>`coalesce(sum(${returns.taxMinor}), 0)`,
      totalMinor: sql<number>`coalesce(sum(${returns.totalMinor}), 0)`,
    })
    .from(returns)
    .where(eq(returns.shiftId, shiftId))
    .get() as DocSums;
}

/** Tender sums by kind and type; tenders of voided sales do not count. */
function tenderSums(db: StoreDb | StoreTx, shiftId: string) {
  return db
    .select({
      docKind: tenders.docKind,
      type: tenders.type,
      amountMinor: sql<number>`coalesce(sum(${tenders.amountMinor}), 0)`,
    })
    .from(tenders)
    .leftJoin(sales, and(eq(sales.id, tenders.docId), eq(tenders.docKind, "sale")))
    .where(
      and(
        eq(tenders.shiftId, shiftId),
        sql`(${tenders.docKind} = 'return' OR ${sales.status} = 'completed')`,
      ),
    )
    .groupBy(tenders.docKind, tenders.type)
    .all();
}

function taxRows(db: StoreDb | StoreTx, shiftId: string): ShiftReport["byTaxClass"] {
  const saleIds = db
    .select({ id: sales.id })
    .from(sales)
    .where(and(eq(sales.shiftId, shiftId), eq(sales.status, "completed")));
  const returnIds = db.select({ id: returns.id }).from(returns).where(eq(returns.shiftId, shiftId));
  const rows = db
    .select({
      taxClass: saleTaxes.taxClass,
      rate: saleTaxes.rate,
      baseMinor: sql<number>`coalesce(sum(CASE WHEN ${saleTaxes.docKind} = 'return' THEN -${saleTaxes.baseMinor} ELSE ${saleTaxes.baseMinor} END), 0)`,
      taxMinor: sql<number>`coalesce(sum(CASE WHEN ${saleTaxes.docKind} = 'return' THEN -${saleTaxes.taxMinor} ELSE ${saleTaxes.taxMinor} END), 0)`,
    })
    .from(saleTaxes)
    .where(
      sql`(${saleTaxes.docKind} = 'sale' AND ${inArray(saleTaxes.docId, saleIds)}) OR (${saleTaxes.docKind} = 'return' AND ${inArray(saleTaxes.docId, returnIds)})`,
    )
    .groupBy(saleTaxes.taxClass, saleTaxes.rate)
    .orderBy(saleTaxes.taxClass, saleTaxes.rate)
    .all();
  return rows;
}

function cashMoved(db: StoreDb | StoreTx, shiftId: string): { inMinor: number; outMinor: number } {
  const rows = db
    .select({
      kind: cashMovements.kind,
      amountMinor: sql<number>`coalesce(sum(${cashMovements.amountMinor}), 0)`,
    })
    .from(cashMovements)
    .where(eq(cashMovements.shiftId, shiftId))
    .groupBy(cashMovements.kind)
    .all();
  return {
    inMinor: rows.find((r) => r.kind === "in")?.amountMinor ?? 0,
    outMinor: rows.find((r) => r.kind === "out")?.amountMinor ?? 0,
  };
}

function noSaleOpenings(db: StoreDb | StoreTx, shift: ShiftRow, until: string): number {
  const row = db
    .select({ n: sql<number>`count(*)` })
    .from(audit)
    .where(
      and(
        eq(audit.action, AUDIT_ACTIONS.noSale),
        eq(audit.tillId, shift.tillId),
        gte(audit.at, shift.openedAt),
        lte(audit.at, until),
      ),
    )
    .get();
  return row?.n ?? 0;
}

/** The X report of a shift at `at`: totals and the expected content of the drawer per tender. */
export function shiftReport(
  ctx: StoreContext,
  db: StoreDb | StoreTx,
  shift: ShiftRow,
  at: Date,
): ShiftReport {
  const atIso = at.toISOString();
  const s = saleSums(db, shift.id);
  const r = returnSums(db, shift.id);
  const moved = cashMoved(db, shift.id);
  const byType = new Map<string, TenderReportLine>();
  const line = (type: string): TenderReportLine => {
    let found = byType.get(type);
    if (!found) {
      found = { type, salesMinor: 0, refundsMinor: 0, expectedMinor: 0 };
      byType.set(type, found);
    }
    return found;
  };
  line(CASH);
  for (const t of tenderSums(db, shift.id)) {
    if (t.docKind === "sale") line(t.type).salesMinor += t.amountMinor;
    else line(t.type).refundsMinor += t.amountMinor;
  }
  const cash = line(CASH);
  for (const l of byType.values()) {
    l.expectedMinor = l.salesMinor - l.refundsMinor;
  }
  cash.expectedMinor =
    shift.floatMinor + cash.salesMinor - s.changeMinor - cash.refundsMinor + moved.inMinor - moved.outMinor;
  const lines = [...byType.values()].sort((a, b) =>
    a.type === CASH ? -1 : b.type === CASH ? 1 : a.type.localeCompare(b.type),
  );
  const totalMinor = s.totalMinor - r.totalMinor;
  const taxMinor = s.taxMinor - r.taxMinor;
  const tips = tipsOfShift(db, shift.id);
  return {
    kind: "X",
    zNumber: null,
    storeId: ctx.storeId,
    shiftId: shift.id,
    tillId: shift.tillId,
    currency: ctx.settings.currency,
    openedAt: shift.openedAt,
    openedBy: shift.openedBy,
    at: atIso,
    closedBy: null,
    salesCount: s.count,
    returnsCount: r.count,
    grossMinor: s.subtotalMinor - r.subtotalMinor,
    discountMinor: s.discountMinor - r.discountMinor,
    taxMinor,
    netMinor: totalMinor - taxMinor,
    totalMinor,
    salesTotalMinor: s.totalMinor,
    returnsTotalMinor: r.totalMinor,
    byTender: lines.map((l) => ({
      type: l.type,
      amountMinor: l.type === CASH ? l.salesMinor - s.changeMinor - l.refundsMinor : l.expectedMinor,
    })),
    byTaxClass: taxRows(db, shift.id),
    cash: {
      openingFloatMinor: shift.floatMinor,
      cashSalesMinor: cash.salesMinor,
      changeGivenMinor: s.changeMinor,
      cashRefundsMinor: cash.refundsMinor,
      cashInMinor: moved.inMinor,
      cashOutMinor: moved.outMinor,
      expectedMinor: cash.expectedMinor,
    },
    noSaleOpenings: noSaleOpenings(db, shift, atIso),
    ...(tips.length > 0 ? { tips } : {}),
    tenders: lines,
    expected: Object.fromEntries(lines.map((l) => [l.type, l.expectedMinor])),
    ...shiftCommissions(db, shift.id),
  };
}

/** Turns an X report into the Z report of a close with the counted amounts. */
export function withCount(
  report: ShiftReport,
  zNumber: number,
  closedBy: string,
  counted: Record<string, number>,
  cashDenominations: { valueMinor: number; count: number }[] | undefined,
): ShiftReport {
  const tendersOut: TenderReportLine[] = report.tenders.map((l) => ({
    ...l,
    countedMinor: null,
    overShortMinor: null,
  }));
  for (const type of Object.keys(counted)) {
    if (!tendersOut.some((l) => l.type === type)) {
      tendersOut.push({
        type,
        salesMinor: 0,
        refundsMinor: 0,
        expectedMinor: 0,
        countedMinor: null,
        overShortMinor: null,
      });
    }
  }
  const overShort: Record<string, number> = {};
  for (const l of tendersOut) {
    const c = counted[l.type];
    if (c === undefined) continue;
    l.countedMinor = c;
    l.overShortMinor = c - l.expectedMinor;
    overShort[l.type] = l.overShortMinor;
  }
  const z: ShiftReport = {
    ...report,
    kind: "Z",
    zNumber,
    closedBy,
    tenders: tendersOut,
    expected: Object.fromEntries(tendersOut.map((l) => [l.type, l.expectedMinor])),
    counted,
    overShort,
    overShortMinor: Object.values(overShort).reduce((a, b) => a + b, 0),
    cash: { ...report.cash, countedMinor: counted[CASH] ?? 0 },
  };
  if (cashDenominations) z.cashDenominations = cashDenominations;
  return z;
}
