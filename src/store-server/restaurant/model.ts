/** Rows of the restaurant's tables read as the API's answers, and the audit of every action. */
import { asc, eq } from "drizzle-orm";
import { diningTables, tableChecks, tableOrderLines, tableOrders } from "../../../schema/store.ts";
import type {
  CheckAnswer,
  CheckDocument,
  Modifier,
  OrderAnswer,
  OrderLineAnswer,
} from "../../api/store/restaurant.ts";
import { extendPrice } from "../../core/quantity.ts";
import { recordAudit } from "../audit/service.ts";
import type { Principal } from "../auth/tokens.ts";
import type { StoreContext, StoreTx } from "../context.ts";
import { RestaurantError } from "./errors.ts";
import { roundsOf } from "./round-status.ts";

export type OrderRow = typeof tableOrders.$inferSelect;
export type LineRow = typeof tableOrderLines.$inferSelect;
export type CheckRow = typeof tableChecks.$inferSelect;
type Reader = Pick<StoreTx, "select">;

export function lineAmountMinor(row: Pick<LineRow, "qtyMilli" | "unitPriceMinor" | "modifiers">): number {
  const modifiers = JSON.parse(row.modifiers) as Modifier[];
  const unit = row.unitPriceMinor + modifiers.reduce((sum, m) => sum + m.unitPriceMinor, 0);
  return extendPrice(unit, row.qtyMilli, "half-up");
}

export function toLine(row: LineRow): OrderLineAnswer {
  return {
    id: row.id,
    seat: row.seat,
    course: row.course,
    code: row.code,
    name: row.name,
    qtyMilli: row.qtyMilli,
    unitPriceMinor: row.unitPriceMinor,
    categoryId: row.categoryId,
    modifiers: JSON.parse(row.modifiers) as Modifier[],
    note: row.note,
    amountMinor: lineAmountMinor(row),
    roundId: row.roundId,
    firedAt: row.firedAt,
    checkId: row.checkId,
  };
}

export function toCheck(row: CheckRow): CheckAnswer {
  return {
    id: row.id,
    label: row.label,
    totalMinor: row.totalMinor,
    parts: row.parts === null ? null : (JSON.parse(row.parts) as number[]),
    document: JSON.parse(row.document) as CheckDocument,
    saleId: row.saleId,
    tipMinor: row.tipMinor,
    paidAt: row.paidAt,
  };
}

export function orderRow(db: Reader, id: string): OrderRow {
  const row = db.select().from(tableOrders).where(eq(tableOrders.id, id)).get();
  if (!row)
    throw new RestaurantError("TABLE_ORDER_NOT_FOUND", `no table order has the id ${id}`, { orderId: id });
  return row;
}

/** An order that still takes lines, transfers and splits: not paid, not merged away. */
export function openOrderRow(db: Reader, id: string): OrderRow {
  const row = orderRow(db, id);
  if (row.status === "paid" || row.status === "merged")
    throw new RestaurantError(
      "TABLE_ORDER_CLOSED",
      `the order ${id} is already closed (${row.status === "paid" ? "paid" : "merged into another"}): open a new order for the table`,
      { orderId: id, status: row.status },
    );
  return row;
}

export function linesOf(db: Reader, orderId: string): LineRow[] {
  return db
    .select()
    .from(tableOrderLines)
    .where(eq(tableOrderLines.orderId, orderId))
    .orderBy(asc(tableOrderLines.position))
    .all();
}

export function tableName(db: Reader, tableId: string | null): string | null {
  if (tableId === null) return null;
  return (
    db.select({ name: diningTables.name }).from(diningTables).where(eq(diningTables.id, tableId)).get()
      ?.name ?? null
  );
}

export function orderAnswer(db: Reader, id: string): OrderAnswer {
  const row = orderRow(db, id);
  const lines = linesOf(db, id).map(toLine);
  const checks = db
    .select()
    .from(tableChecks)
    .where(eq(tableChecks.orderId, id))
    .orderBy(asc(tableChecks.position))
    .all()
    .map(toCheck);
  return {
    id: row.id,
    tableId: row.tableId,
    tableName: tableName(db, row.tableId),
    waiterId: row.waiterId,
    status: row.status,
    takeaway: row.takeaway,
    guests: row.guests,
    openedAt: row.openedAt,
    lines,
    checks,
    amountMinor: lines.reduce((sum, line) => sum + line.amountMinor, 0),
    rounds: roundsOf(db, id),
  };
}

/** The waiter an action is done by: a user's session, never a name in the body. */
export function waiterOf(principal: Principal): string {
  if (principal.userId === null)
    throw new RestaurantError(
      "WAITER_REQUIRED",
      "table orders are taken by a waiter: log in with a PIN at the till (a till or admin token has no waiter)",
    );
  return principal.userId;
}

/** Every action on an order is audited and journaled (`audit.recorded`), so head office sees it. */
export function recordAction(
  ctx: StoreContext,
  tx: StoreTx,
  action: string,
  principal: Principal,
  refId: string,
  at: Date,
  detail: Record<string, unknown>,
): void {
  recordAudit(
    ctx,
    tx,
    { action, at, userId: principal.userId, tillId: principal.tillId, refId, detail },
    true,
  );
}
