/**
 * The stock an open order holds back at its pick-up store: one row per order and product.
 * Available = on hand − every open order's reservation; an order may not reserve more than is
 * available unless the store allows it (`[orders] allowOverReservation`). Every change of a
 * product's reservation is a change of its available stock (`stock.changed`).
 */
import { and, eq } from "drizzle-orm";
import { orderReservations } from "../../../schema/store.ts";
import { milliToDecimalString } from "../../core/quantity.ts";
import type { StoreContext, StoreTx } from "../context.ts";
import { stockChanged, stockFiguresOf } from "../webhooks/stock-changes.ts";
import { OrderError } from "./errors.ts";

/** Quantities per product code. */
export type Needs = ReadonlyMap<string, number>;

export function needsOf(lines: readonly { code: string; qtyMilli: number }[]): Map<string, number> {
  const needs = new Map<string, number>();
  for (const line of lines) {
    if (line.qtyMilli > 0) needs.set(line.code, (needs.get(line.code) ?? 0) + line.qtyMilli);
  }
  return needs;
}

function heldBy(tx: StoreTx, orderId: string): Map<string, number> {
  return new Map(
    tx
      .select({ code: orderReservations.productCode, qtyMilli: orderReservations.qtyMilli })
      .from(orderReservations)
      .where(eq(orderReservations.orderId, orderId))
      .all()
      .map((r) => [r.code, r.qtyMilli]),
  );
}

/** Sets the order's reservation to `needs`, refusing (changing nothing) what is not available. */
export function reserve(ctx: StoreContext, tx: StoreTx, orderId: string, needs: Needs, at: string): void {
  const held = heldBy(tx, orderId);
  if (ctx.orders?.allowOverReservation !== true) {
    for (const [code, wanted] of needs) {
      const mine = held.get(code) ?? 0;
      if (wanted <= mine) continue;
      const { availableMilli } = stockFiguresOf(ctx.sqlite, code);
      if (wanted - mine > availableMilli) {
        const free = Math.max(0, availableMilli + mine);
        throw new OrderError(
          "OVER_RESERVATION",
          `${code}: ${milliToDecimalString(wanted)} wanted, ${milliToDecimalString(free)} available at this store`,
          { code, wantedMilli: wanted, availableMilli: free },
        );
      }
    }
  }
  for (const code of new Set([...held.keys(), ...needs.keys()])) {
    const before = held.get(code) ?? 0;
    const after = needs.get(code) ?? 0;
    if (before === after) continue;
    const mine = and(eq(orderReservations.orderId, orderId), eq(orderReservations.productCode, code));
    if (after === 0) tx.delete(orderReservations).where(mine).run();
    else if (before === 0)
      tx.insert(orderReservations).values({ orderId, productCode: code, qtyMilli: after }).run();
    else tx.update(orderReservations).set({ qtyMilli: after }).where(mine).run();
    stockChanged(tx, { code, cause: "reservation", refId: orderId, at });
  }
}

/** The order no longer holds anything back (cancelled or collected). */
export function release(ctx: StoreContext, tx: StoreTx, orderId: string, at: string): void {
  reserve(ctx, tx, orderId, new Map(), at);
}
