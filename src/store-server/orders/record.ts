/**
 * An order's row as the API answers it, and the trace of every change: a history row with who
 * made it, an audit entry, and the `order.changed` event in the journal (to head office and the
 * web shop's webhooks), all in the change's transaction.
 */
import { asc, eq } from "drizzle-orm";
import { customerOrders, orderHistory } from "../../../schema/store.ts";
import type { Order, OrderLine } from "../../api/store/orders.ts";
import { AUDIT_ACTIONS } from "../audit/actions.ts";
import { recordAudit } from "../audit/service.ts";
import type { Principal } from "../auth/tokens.ts";
import type { StoreContext, StoreDb, StoreTx } from "../context.ts";
import { appendEvent } from "../journal/journal.ts";
import { OrderError } from "./errors.ts";

export type OrderRow = typeof customerOrders.$inferSelect;

export function toOrder(storeId: string, row: OrderRow): Order {
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    totalMinor: row.totalMinor,
    balanceDueMinor: row.balanceDueMinor,
    storeId,
    customerId: row.customerId,
    slot:
      row.slotDate !== null && row.slotFrom !== null && row.slotTo !== null
        ? { date: row.slotDate, from: row.slotFrom, to: row.slotTo }
        : null,
    delivery: row.delivery === null ? null : (JSON.parse(row.delivery) as Order["delivery"]),
    lines: JSON.parse(row.lines) as OrderLine[],
    prepaid: JSON.parse(row.prepaid) as Order["prepaid"],
    prepaidMinor: row.prepaidMinor,
    saleId: row.saleId,
    refundedMinor: row.refundedMinor,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function summaryOf(order: Pick<Order, "id" | "number" | "status" | "totalMinor" | "balanceDueMinor">) {
  return {
    id: order.id,
    number: order.number,
    status: order.status,
    totalMinor: order.totalMinor,
    balanceDueMinor: order.balanceDueMinor,
  };
}

export function orderRow(db: StoreDb | StoreTx, id: string): OrderRow {
  const row = db.select().from(customerOrders).where(eq(customerOrders.id, id)).get();
  if (!row) throw new OrderError("ORDER_NOT_FOUND", `this store has no order ${id}`, { id });
  return row;
}

/** Refuses a change to an order that is over. */
export function requireOpen(row: OrderRow, change: string): void {
  if (row.status === "collected") {
    throw new OrderError(
      "ORDER_COLLECTED",
      `order ${row.number} was collected (sale ${row.saleId}): it cannot be ${change}; a return takes goods back`,
      { id: row.id, saleId: row.saleId },
    );
  }
  if (row.status === "cancelled") {
    throw new OrderError("ORDER_CANCELLED", `order ${row.number} was cancelled: it cannot be ${change}`, {
      id: row.id,
    });
  }
}

export function historyOf(db: StoreDb, orderId: string) {
  return db
    .select()
    .from(orderHistory)
    .where(eq(orderHistory.orderId, orderId))
    .orderBy(asc(orderHistory.id))
    .all()
    .map((h) => ({
      at: h.at,
      userId: h.userId,
      tillId: h.tillId,
      action: h.action,
      detail: JSON.parse(h.detail) as Record<string, unknown>,
    }));
}

/** Writes the order's trace of one change: history, audit, journal. */
export function traceChange(
  ctx: StoreContext,
  tx: StoreTx,
  order: Order,
  change: { action: string; detail: Record<string, unknown>; principal: Principal; at: Date },
): void {
  const { principal, at } = change;
  const atIso = at.toISOString();
  tx.insert(orderHistory)
    .values({
      orderId: order.id,
      at: atIso,
      userId: principal.userId,
      tillId: principal.tillId,
      action: change.action,
      detail: JSON.stringify(change.detail),
    })
    .run();
  recordAudit(ctx, tx, {
    action: AUDIT_ACTIONS.orderChanged,
    at,
    userId: principal.userId,
    tillId: principal.tillId,
    refId: order.id,
    detail: { number: order.number, action: change.action, status: order.status },
  });
  appendEvent(
    tx,
    ctx.storeId,
    "order.changed",
    {
      id: order.id,
      number: order.number,
      status: order.status,
      action: change.action,
      customerId: order.customerId,
      slot: order.slot,
      delivery: order.delivery !== null,
      lines: order.lines.map((l) => ({
        code: l.code,
        name: l.name,
        qtyMilli: l.qtyMilli,
        unitPriceMinor: l.unitPriceMinor,
        totalMinor: l.totalMinor,
      })),
      prepaid: order.prepaid.map((p) => ({ type: p.type, amountMinor: p.amountMinor })),
      totalMinor: order.totalMinor,
      prepaidMinor: order.prepaidMinor,
      balanceDueMinor: order.balanceDueMinor,
      refundedMinor: order.refundedMinor,
      saleId: order.saleId,
      userId: principal.userId,
      tillId: principal.tillId,
      at: atIso,
    },
    at,
  );
}
