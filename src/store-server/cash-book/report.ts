/**
 * The cash book report (`GET /reports/cash-book`): the entries of a range of business days,
 * expenses by category, and per cashier and per register the tenders taken (cash net of
 * change, returns paid back deducted), plain cash in and out, expenses, corrections and
 * couriers' hand-ins; and the cash couriers hold now. Reads only.
 */
import type {
  CashBookEntry,
  CashBookQuery,
  CashBookReport,
  CashBookTotals,
} from "../../api/store/cash-book.ts";
import { businessDay } from "../../core/business-day.ts";
import type { StoreContext } from "../context.ts";
import { CashBookError } from "./errors.ts";

interface EntryRow {
  id: string;
  kind: CashBookEntry["kind"];
  shiftId: string;
  tillId: string;
  userId: string;
  at: string;
  amountMinor: number;
  category: string;
  note: string | null;
  receiptRef: string | null;
  correctsId: string | null;
  courierId: string | null;
  movementId: string;
}

interface TenderRow {
  cashier: string;
  till: string;
  type: string;
  kind: "sale" | "change" | "return";
  amount: number;
}

interface MovementRow {
  userId: string;
  tillId: string;
  kind: "in" | "out";
  amountMinor: number;
  at: string;
}

const ENTRIES = `SELECT id, kind, shift_id AS shiftId, till_id AS tillId, user_id AS userId, at,
  amount_minor AS amountMinor, category, note, receipt_ref AS receiptRef, corrects_id AS correctsId,
  courier_id AS courierId, movement_id AS movementId
  FROM cash_book_entries WHERE at >= ?1 AND at < ?2 ORDER BY at, id`;
/** Tenders of completed sales and of returns, per cashier and till (change counted apart). */
const TENDERS = `SELECT coalesce(s.cashier_id, '') AS cashier, s.till_id AS till, t.type AS type, 'sale' AS kind,
    sum(t.amount_minor) AS amount
  FROM tenders t JOIN sales s ON t.doc_kind = 'sale' AND s.id = t.doc_id
  WHERE t.day BETWEEN ?1 AND ?2 AND s.status = 'completed' GROUP BY 1, 2, 3
  UNION ALL
  SELECT coalesce(s.cashier_id, ''), s.till_id, 'cash', 'change', -sum(s.change_minor)
  FROM sales s WHERE s.day BETWEEN ?1 AND ?2 AND s.status = 'completed' GROUP BY 1, 2
  HAVING sum(s.change_minor) <> 0
  UNION ALL
  SELECT coalesce(r.cashier_id, ''), r.till_id, t.type, 'return', sum(t.amount_minor)
  FROM tenders t JOIN returns r ON t.doc_kind = 'return' AND r.id = t.doc_id
  WHERE t.day BETWEEN ?1 AND ?2 GROUP BY 1, 2, 3`;
/** Cash put in or taken out by hand: not the movements of cash book entries. */
const MOVEMENTS = `SELECT m.user_id AS userId, s.till_id AS tillId, m.kind, m.amount_minor AS amountMinor, m.at
  FROM cash_movements m JOIN shifts s ON s.id = m.shift_id
  WHERE m.at >= ?1 AND m.at < ?2 AND NOT EXISTS (SELECT 1 FROM cash_book_entries e WHERE e.movement_id = m.id)`;
const HELD = `SELECT courier_id AS courierId, sum(collected_minor) AS heldMinor, count(*) AS deliveries
  FROM deliveries WHERE collected_minor > 0 AND hand_in_id IS NULL AND courier_id IS NOT NULL
  GROUP BY courier_id ORDER BY courier_id`;
const HANDED_IN = "SELECT id, hand_in_id AS handInId FROM deliveries WHERE hand_in_id IS NOT NULL";

const MAX_RANGE_DAYS = 366;
const DAY_MS = 86_400_000;

function emptyTotals(): CashBookTotals {
  return {
    tenders: [],
    cashInMinor: 0,
    cashOutMinor: 0,
    expensesMinor: 0,
    correctionsMinor: 0,
    handInsMinor: 0,
  };
}

function addTender(totals: CashBookTotals, type: string, amountMinor: number): void {
  const line = totals.tenders.find((t) => t.type === type);
  if (line) line.amountMinor += amountMinor;
  else totals.tenders.push({ type, amountMinor });
}

class Groups {
  readonly map = new Map<string, CashBookTotals>();
  of(key: string): CashBookTotals {
    let totals = this.map.get(key);
    if (!totals) {
      totals = emptyTotals();
      this.map.set(key, totals);
    }
    return totals;
  }
  sorted<K extends string>(name: K): (CashBookTotals & Record<K, string>)[] {
    return [...this.map.entries()]
      .sort(([a], [b]) => a.localeCompare(b, "en", { numeric: true }))
      .map(([key, totals]) => {
        totals.tenders.sort((a, b) => a.type.localeCompare(b.type));
        return { [name]: key, ...totals } as CashBookTotals & Record<K, string>;
      });
  }
}

export function cashBookReport(ctx: StoreContext, q: CashBookQuery): CashBookReport {
  const days = (Date.parse(q.to) - Date.parse(q.from)) / DAY_MS + 1;
  if (days < 1 || days > MAX_RANGE_DAYS) {
    throw new CashBookError(
      "INVALID_RANGE",
      days < 1
        ? `to (${q.to}) is before from (${q.from})`
        : `ask for at most ${MAX_RANGE_DAYS} days at a time`,
      { from: q.from, to: q.to },
    );
  }
  const tz = ctx.settings.timeZone;
  // Instants a day either side of the range, then each kept by its business day in the store's zone.
  const lo = new Date(Date.parse(q.from) - DAY_MS).toISOString();
  const hi = new Date(Date.parse(q.to) + 2 * DAY_MS).toISOString();
  const inRange = (at: string) => {
    const day = businessDay(new Date(at), tz);
    return day >= q.from && day <= q.to;
  };
  const keep = (tillId: string, userId: string) =>
    (q.tillId === undefined || q.tillId === tillId) && (q.cashierId === undefined || q.cashierId === userId);

  const handedIn = new Map<string, string[]>();
  for (const row of ctx.sqlite.query<{ id: string; handInId: string }, []>(HANDED_IN).all()) {
    handedIn.set(row.handInId, [...(handedIn.get(row.handInId) ?? []), row.id]);
  }
  const byCashier = new Groups();
  const byTill = new Groups();
  const byCategory = new Map<string, number>();
  const entries: CashBookEntry[] = [];
  for (const row of ctx.sqlite.query<EntryRow, [string, string]>(ENTRIES).all(lo, hi)) {
    if (!inRange(row.at) || !keep(row.tillId, row.userId)) continue;
    entries.push({ ...row, deliveryIds: (handedIn.get(row.id) ?? []).sort() });
    const field =
      row.kind === "expense"
        ? "expensesMinor"
        : row.kind === "correction"
          ? "correctionsMinor"
          : "handInsMinor";
    // Expenses are counted as what was paid out (positive), the others as their effect on the drawer.
    const amount = row.kind === "expense" ? -row.amountMinor : row.amountMinor;
    byCashier.of(row.userId)[field] += amount;
    byTill.of(row.tillId)[field] += amount;
    if (row.kind === "expense") byCategory.set(row.category, (byCategory.get(row.category) ?? 0) + amount);
  }
  for (const row of ctx.sqlite.query<MovementRow, [string, string]>(MOVEMENTS).all(lo, hi)) {
    if (!inRange(row.at) || !keep(row.tillId, row.userId)) continue;
    const field = row.kind === "in" ? "cashInMinor" : "cashOutMinor";
    byCashier.of(row.userId)[field] += row.amountMinor;
    byTill.of(row.tillId)[field] += row.amountMinor;
  }
  for (const row of ctx.sqlite.query<TenderRow, [string, string]>(TENDERS).all(q.from, q.to)) {
    if (!keep(row.till, row.cashier)) continue;
    const amount = row.kind === "return" ? -row.amount : row.amount;
    addTender(byCashier.of(row.cashier), row.type, amount);
    addTender(byTill.of(row.till), row.type, amount);
  }
  const couriers = ctx.sqlite
    .query<{ courierId: string; heldMinor: number; deliveries: number }, []>(HELD)
    .all()
    .filter((c) => q.cashierId === undefined || q.cashierId === c.courierId);
  return {
    from: q.from,
    to: q.to,
    tillId: q.tillId ?? null,
    cashierId: q.cashierId ?? null,
    entries,
    byCategory: [...byCategory.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([category, amountMinor]) => ({ category, amountMinor })),
    byCashier: byCashier.sorted("cashierId"),
    byTill: byTill.sorted("tillId"),
    couriers,
  };
}
