/**
 * Orders at a table: opened by a waiter (the session's user), lines per seat and course with
 * modifiers (catalog products, priced) and notes, transfers to another table or waiter, and
 * merges. Every change is audited and journaled; nothing changes when a request is refused.
 */
import { and, eq, inArray, isNotNull, isNull, max, or } from "drizzle-orm";
import {
  diningTables,
  products,
  tableChecks,
  tableOrderLines,
  tableOrders,
  users,
} from "../../../schema/store.ts";
import type {
  AddLinesInput,
  Modifier,
  OpenOrderInput,
  OrderAnswer,
  TransferInput,
} from "../../api/store/restaurant.ts";
import { uuidv7 } from "../../core/ids.ts";
import { parseQuantityMilli } from "../../core/quantity.ts";
import type { Principal } from "../auth/tokens.ts";
import type { StoreContext, StoreTx } from "../context.ts";
import { RestaurantError } from "./errors.ts";
import { linesOf, type OrderRow, openOrderRow, orderAnswer, recordAction, waiterOf } from "./model.ts";

export function requireRestaurantMode(ctx: StoreContext): void {
  if (ctx.settings.mode !== "restaurant")
    throw new RestaurantError(
      "RESTAURANT_MODE_OFF",
      'table orders need the restaurant mode: set mode = "restaurant" in the store configuration',
    );
}

function requireTable(tx: Pick<StoreTx, "select">, tableId: string) {
  const table = tx.select().from(diningTables).where(eq(diningTables.id, tableId)).get();
  if (!table) throw new RestaurantError("UNKNOWN_TABLE", `no table has the id ${tableId}`, { tableId });
  return table;
}

/** The order open (or billed) at a table, if any. */
function openOrderAt(tx: Pick<StoreTx, "select">, tableId: string) {
  return tx
    .select()
    .from(tableOrders)
    .where(
      and(
        eq(tableOrders.tableId, tableId),
        or(eq(tableOrders.status, "open"), eq(tableOrders.status, "billed")),
      ),
    )
    .get();
}

function product(tx: Pick<StoreTx, "select">, code: string) {
  const row = tx
    .select({
      name: products.name,
      priceMinor: products.priceMinor,
      taxClass: products.taxClass,
      category: products.category,
      active: products.active,
    })
    .from(products)
    .where(eq(products.code, code))
    .get();
  if (!row?.active)
    throw new RestaurantError("UNKNOWN_PRODUCT", `no product sells under the code ${code}`, { code });
  return row;
}

export function openOrder(ctx: StoreContext, input: OpenOrderInput, principal: Principal): OrderAnswer {
  requireRestaurantMode(ctx);
  const waiterId = waiterOf(principal);
  const at = ctx.now();
  return ctx.db.transaction((tx) => {
    const existing = tx.select().from(tableOrders).where(eq(tableOrders.id, input.id)).get();
    if (existing) {
      if (existing.tableId !== (input.tableId ?? null))
        throw new RestaurantError(
          "TABLE_ORDER_ID_REUSED",
          `the order id ${input.id} is already used for another table`,
        );
      return orderAnswer(tx, input.id);
    }
    const tableId = input.takeaway ? null : (input.tableId ?? null);
    if (tableId !== null) {
      requireTable(tx, tableId);
      const busy = openOrderAt(tx, tableId);
      if (busy)
        throw new RestaurantError(
          "TABLE_OCCUPIED",
          `table ${tableId} already has an open order (${busy.id})`,
          {
            tableId,
            orderId: busy.id,
          },
        );
    }
    tx.insert(tableOrders)
      .values({
        id: input.id,
        tableId,
        waiterId,
        status: "open",
        takeaway: input.takeaway,
        guests: input.guests,
        openedAt: at.toISOString(),
      })
      .run();
    recordAction(ctx, tx, "table_order.opened", principal, input.id, at, { tableId, guests: input.guests });
    return orderAnswer(tx, input.id);
  });
}

/**
 * Runs `work` on an open order in one transaction, for the waiter of the session in the
 * restaurant mode: a closed order, another mode or no waiter is refused before anything changes.
 */
export function onOpenOrder<T>(
  ctx: StoreContext,
  orderId: string,
  principal: Principal,
  work: (tx: StoreTx, order: OrderRow, at: Date) => T,
): T {
  requireRestaurantMode(ctx);
  waiterOf(principal);
  const at = ctx.now();
  return ctx.db.transaction((tx) => work(tx, openOrderRow(tx, orderId), at));
}

/** Adding to a billed order takes the bill back (its unpaid checks are dropped); a paid one is closed. */
export function addLines(
  ctx: StoreContext,
  orderId: string,
  input: AddLinesInput,
  principal: Principal,
): OrderAnswer {
  return onOpenOrder(ctx, orderId, principal, (tx, order, at) => {
    const known = new Set(
      tx
        .select({ id: tableOrderLines.id })
        .from(tableOrderLines)
        .where(
          inArray(
            tableOrderLines.id,
            input.lines.map((l) => l.id),
          ),
        )
        .all()
        .map((r) => r.id),
    );
    let position =
      (tx
        .select({ n: max(tableOrderLines.position) })
        .from(tableOrderLines)
        .where(eq(tableOrderLines.orderId, orderId))
        .get()?.n ?? 0) + 1;
    const added: string[] = [];
    for (const line of input.lines) {
      if (known.has(line.id)) continue;
      const item = product(tx, line.code);
      const modifiers: Modifier[] = line.modifiers.map((code) => {
        const m = product(tx, code);
        return { code, name: m.name, unitPriceMinor: m.priceMinor, taxClass: m.taxClass };
      });
      tx.insert(tableOrderLines)
        .values({
          id: line.id,
          orderId,
          position: position++,
          seat: line.seat,
          course: line.course,
          code: line.code,
          name: item.name,
          qtyMilli: parseQuantityMilli(line.qty),
          unitPriceMinor: item.priceMinor,
          taxClass: item.taxClass,
          categoryId: item.category,
          modifiers: JSON.stringify(modifiers),
          note: line.note ?? null,
        })
        .run();
      added.push(line.id);
    }
    if (added.length > 0) {
      if (order.status === "billed") dropUnpaidChecks(tx, orderId);
      recordAction(ctx, tx, "table_order.lines_added", principal, orderId, at, { lines: added.length });
    }
    return orderAnswer(tx, orderId);
  });
}

/** Back to an open order: the checks not yet paid go, their lines are free again. */
export function dropUnpaidChecks(tx: StoreTx, orderId: string): void {
  const unpaid = tx
    .select({ id: tableChecks.id })
    .from(tableChecks)
    .where(and(eq(tableChecks.orderId, orderId), isNull(tableChecks.saleId)))
    .all()
    .map((r) => r.id);
  if (unpaid.length > 0) {
    tx.update(tableOrderLines).set({ checkId: null }).where(inArray(tableOrderLines.checkId, unpaid)).run();
    tx.delete(tableChecks).where(inArray(tableChecks.id, unpaid)).run();
  }
  tx.update(tableOrders).set({ status: "open", billedAt: null }).where(eq(tableOrders.id, orderId)).run();
}

function requireNothingPaid(tx: Pick<StoreTx, "select">, orderId: string): void {
  const paid = tx
    .select({ id: tableChecks.id })
    .from(tableChecks)
    .where(and(eq(tableChecks.orderId, orderId), isNotNull(tableChecks.saleId)))
    .get();
  if (paid)
    throw new RestaurantError(
      "CHECK_PAID",
      `a check of the order ${orderId} is already paid: pay the other checks before moving its lines`,
      { orderId, checkId: paid.id },
    );
}

/**
 * Moves an order to another table and/or waiter, or some of its lines onto the order at another
 * table (opened there for the same waiter when the table is free).
 */
export function transfer(
  ctx: StoreContext,
  orderId: string,
  input: TransferInput,
  principal: Principal,
): OrderAnswer {
  return onOpenOrder(ctx, orderId, principal, (tx, order, at) => {
    requireNothingPaid(tx, orderId);
    if (input.toWaiterId !== undefined) {
      const waiter = tx
        .select({ id: users.id, active: users.active })
        .from(users)
        .where(eq(users.id, input.toWaiterId))
        .get();
      if (!waiter?.active)
        throw new RestaurantError("UNKNOWN_WAITER", `no active user has the id ${input.toWaiterId}`, {
          waiterId: input.toWaiterId,
        });
    }
    const target = input.toTableId === undefined ? null : requireTable(tx, input.toTableId);
    const busy = target === null || target.id === order.tableId ? undefined : openOrderAt(tx, target.id);
    if (input.lineIds !== undefined && target !== null) {
      const lines = linesOf(tx, orderId);
      const ids = new Set(lines.map((l) => l.id));
      const unknown = input.lineIds.filter((id) => !ids.has(id));
      if (unknown.length > 0)
        throw new RestaurantError(
          "UNKNOWN_LINE",
          `${unknown.length} line(s) are not on the order ${orderId}`,
          { unknown },
        );
      if (order.status === "billed") dropUnpaidChecks(tx, orderId);
      let destination = busy?.id;
      if (destination === undefined) {
        destination = uuidv7();
        tx.insert(tableOrders)
          .values({
            id: destination,
            tableId: target.id,
            waiterId: input.toWaiterId ?? order.waiterId,
            status: "open",
            takeaway: false,
            guests: 1,
            openedAt: at.toISOString(),
          })
          .run();
      } else if (busy?.status === "billed") dropUnpaidChecks(tx, destination);
      tx.update(tableOrderLines)
        .set({ orderId: destination, checkId: null })
        .where(inArray(tableOrderLines.id, input.lineIds))
        .run();
      recordAction(ctx, tx, "table_order.lines_moved", principal, orderId, at, {
        toOrderId: destination,
        toTableId: target.id,
        lines: input.lineIds.length,
      });
      return orderAnswer(tx, orderId);
    }
    if (busy)
      throw new RestaurantError(
        "TABLE_OCCUPIED",
        `table ${target?.id} already has an open order (${busy.id}): merge them instead`,
        {
          tableId: target?.id,
          orderId: busy.id,
        },
      );
    tx.update(tableOrders)
      .set({
        ...(target === null ? {} : { tableId: target.id }),
        ...(input.toWaiterId === undefined ? {} : { waiterId: input.toWaiterId }),
      })
      .where(eq(tableOrders.id, orderId))
      .run();
    recordAction(ctx, tx, "table_order.transferred", principal, orderId, at, {
      fromTableId: order.tableId,
      toTableId: target?.id ?? order.tableId,
      fromWaiterId: order.waiterId,
      toWaiterId: input.toWaiterId ?? order.waiterId,
    });
    return orderAnswer(tx, orderId);
  });
}

/** Brings another open order's lines (and guests) onto this one; the other is closed as merged. */
export function merge(
  ctx: StoreContext,
  orderId: string,
  fromOrderId: string,
  principal: Principal,
): OrderAnswer {
  requireRestaurantMode(ctx);
  waiterOf(principal);
  const at = ctx.now();
  return ctx.db.transaction((tx) => {
    if (fromOrderId === orderId)
      throw new RestaurantError("MERGE_INVALID", "an order cannot be merged into itself", { orderId });
    const order = openOrderRow(tx, orderId);
    const from = openOrderRow(tx, fromOrderId);
    requireNothingPaid(tx, orderId);
    requireNothingPaid(tx, fromOrderId);
    if (order.status === "billed") dropUnpaidChecks(tx, orderId);
    if (from.status === "billed") dropUnpaidChecks(tx, fromOrderId);
    tx.update(tableOrderLines).set({ orderId }).where(eq(tableOrderLines.orderId, fromOrderId)).run();
    tx.update(tableOrders)
      .set({ status: "merged", mergedInto: orderId, closedAt: at.toISOString() })
      .where(eq(tableOrders.id, fromOrderId))
      .run();
    tx.update(tableOrders)
      .set({ guests: order.guests + from.guests })
      .where(eq(tableOrders.id, orderId))
      .run();
    recordAction(ctx, tx, "table_order.merged", principal, orderId, at, {
      fromOrderId,
      fromTableId: from.tableId,
    });
    return orderAnswer(tx, orderId);
  });
}
