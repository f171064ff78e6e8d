/**
 * An order head office routed to this store (a change-log entry of kind `order`): placed here
 * once by its id, as if the web shop had placed it here, in the transaction that applies the
 * entry. One this store cannot take (an unknown product, stock not available) is refused as any
 * change from head office is: skipped, logged and audited (`catalog.change_skipped`).
 */
import type { OrderChangeValue } from "../../core/order-change.ts";
import { milliToDecimalString } from "../../core/quantity.ts";
import type { Principal } from "../auth/tokens.ts";
import type { StoreContext, StoreTx } from "../context.ts";
import { OrderService } from "./service.ts";

/** Who the order's history names: head office (replication/apply-change.ts's HQ_ACTOR, which imports this file). */
const FROM_HQ: Principal = { kind: "admin", userId: "hq", role: "admin", tillId: null };

export function applyHqOrder(ctx: StoreContext, tx: StoreTx, value: OrderChangeValue): void {
  new OrderService(ctx).placeInTx(
    tx,
    {
      id: value.id,
      pickupStore: ctx.storeId,
      ...(value.customerId === null ? {} : { customerId: value.customerId }),
      ...(value.slot === null ? {} : { slot: value.slot }),
      ...(value.delivery === null ? {} : { delivery: value.delivery }),
      lines: value.lines.map((l) => ({
        code: l.code,
        qty: milliToDecimalString(l.qtyMilli),
        ...(l.unitPriceMinor === undefined ? {} : { unitPriceMinor: l.unitPriceMinor }),
      })),
      ...(value.prepaid.length === 0 ? {} : { prepaid: value.prepaid }),
    },
    FROM_HQ,
  );
}
