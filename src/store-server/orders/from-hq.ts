/**
 * An order head office routed to this store (a change-log entry of kind `order`): placed here
 * once by its id, as if the web shop had placed it here, in the transaction that applies the
 * entry. One this store cannot take (an unknown product, stock not available) is refused as any
 * change from head office is: skipped, logged and audited (`catalog.change_skipped`). So is a
 * change of an order head office forwarded (kind `order_action`) that the order no longer allows.
 */
import type { OrderActionValue, OrderChangeValue } from "../../core/order-change.ts";
import { milliToDecimalString } from "../../core/quantity.ts";
import { ADMIN_RIGHTS, type Principal } from "../auth/tokens.ts";
import type { StoreContext, StoreTx } from "../context.ts";
import { collectOrder } from "./collect.ts";
import { OrderService } from "./service.ts";

/** Who the order's history names: head office (replication/apply-change.ts's HQ_ACTOR, which imports this file). */
const FROM_HQ: Principal = { kind: "admin", userId: "hq", role: "admin", tillId: null, rights: ADMIN_RIGHTS };

const linesOf = (lines: OrderChangeValue["lines"]) =>
  lines.map((l) => ({
    code: l.code,
    qty: milliToDecimalString(l.qtyMilli),
    ...(l.unitPriceMinor === undefined ? {} : { unitPriceMinor: l.unitPriceMinor }),
  }));

export function applyHqOrder(ctx: StoreContext, tx: StoreTx, value: OrderChangeValue): void {
  new OrderService(ctx).placeInTx(
    tx,
    {
      id: value.id,
      pickupStore: ctx.storeId,
      ...(value.customerId === null ? {} : { customerId: value.customerId }),
      ...(value.slot === null ? {} : { slot: value.slot }),
      ...(value.delivery === null ? {} : { delivery: value.delivery }),
      lines: linesOf(value.lines),
      ...(value.prepaid.length === 0 ? {} : { prepaid: value.prepaid }),
    },
    FROM_HQ,
  );
}

/** A change of an order forwarded by head office: as the same call to the store would make it. */
export function applyHqOrderAction(ctx: StoreContext, tx: StoreTx, value: OrderActionValue): void {
  const orders = new OrderService(ctx);
  switch (value.action) {
    case "lines":
      orders.update(value.orderId, { lines: linesOf(value.lines) }, FROM_HQ, tx);
      return;
    case "status":
      orders.setStatus(value.orderId, value.status, FROM_HQ, tx);
      return;
    case "collect":
      collectOrder(ctx, orders, value.orderId, { tenders: value.tenders, tillId: value.tillId }, FROM_HQ, {
        outer: tx,
      });
      return;
  }
}
