/**
 * A purchase order head office placed for this store (a `purchase_order` entry of the change
 * log): made as the store's own order under the id head office gave it, inside the subscriber's
 * transaction, and journaled like any order (`purchase.order_changed`, the audit naming head
 * office). An entry that reaches the store again changes nothing; one the store cannot take (a
 * vendor or product it does not have) is refused with its domain error, which the subscriber
 * records as a skipped change.
 */
import type { PurchaseOrderChangeValue } from "../../core/chain-orders.ts";
import { milliToDecimalString } from "../../core/quantity.ts";
import { ADMIN_RIGHTS, type Principal } from "../auth/tokens.ts";
import type { StoreContext, StoreTx } from "../context.ts";
import { PurchaseOrderService } from "./orders.ts";

/** Head office acting on the store: no user of the store's own. */
const HQ_PRINCIPAL: Principal = {
  kind: "admin",
  userId: null,
  role: "admin",
  tillId: null,
  rights: ADMIN_RIGHTS,
};

/** Answers whether the order was made (false: it was there already). */
export function applyPurchaseOrderFromHq(
  ctx: StoreContext,
  tx: StoreTx,
  value: PurchaseOrderChangeValue,
  at: Date,
): boolean {
  return new PurchaseOrderService(ctx).createInTx(
    tx,
    {
      id: value.id,
      vendorId: value.vendorId,
      lines: value.lines.map((l) => ({
        code: l.code,
        qty: milliToDecimalString(l.qtyMilli),
        ...(l.costMinor !== null ? { costMinor: l.costMinor } : {}),
      })),
      ...(value.expectedAt !== null ? { expectedAt: value.expectedAt } : {}),
      note: value.note ?? `ordered by head office (${value.chainOrderId})`,
      send: value.send,
    },
    HQ_PRINCIPAL,
    at,
    `ordered by head office (${value.chainOrderId})`,
  );
}
