/**
 * Orders paid at the door: when the courier hands in the cash, each delivered order still open
 * is collected as its sale, paid by the tender `cash_on_delivery` (the balance due), on the till
 * the cash goes into. The cash itself enters that drawer once, through the hand-in's cash book
 * entry: the tender does not count as the drawer's cash, or the courier's money would be
 * counted twice.
 */
import { eq } from "drizzle-orm";
import { customerOrders } from "../../../schema/store.ts";
import { CASH_ON_DELIVERY, DEFAULT_TENDER_TYPES, type TenderType } from "../../core/tenders.ts";
import type { Principal } from "../auth/tokens.ts";
import type { StoreContext, StoreTx } from "../context.ts";
import { collectOrder } from "../orders/collect.ts";
import { OrderService } from "../orders/service.ts";
import { refuseTrainingSale } from "../sales/training.ts";
import { feeLines } from "./fee.ts";

const COD_TENDER_TYPES: readonly TenderType[] = [
  ...DEFAULT_TENDER_TYPES,
  { type: CASH_ON_DELIVERY, isCash: false, allowsChange: false },
];

export interface CollectedAtDoor {
  orderId: string;
  saleId: string;
  receiptNo: string;
}

/**
 * Collects the open orders delivered as sales at `tillId`, each with its delivery's fee
 * (`fee.ts`), in the hand-in's transaction.
 */
export function collectPaidAtDoor(
  ctx: StoreContext,
  tx: StoreTx,
  atDoor: readonly { orderId: string; feeMinor: number }[],
  by: { tillId: string; courierId: string },
  principal: Principal,
): CollectedAtDoor[] {
  if (atDoor.length === 0) return [];
  // Collected, an order becomes a sale: none at a till or by a cashier in training.
  refuseTrainingSale(ctx, by.tillId, principal.userId);
  const orders = new OrderService(ctx);
  const collected: CollectedAtDoor[] = [];
  for (const { orderId, feeMinor } of atDoor) {
    const found = tx
      .select({ status: customerOrders.status })
      .from(customerOrders)
      .where(eq(customerOrders.id, orderId))
      .get();
    // Collected already (at a till), or cancelled: there is no sale to make.
    if (!found || found.status === "collected" || found.status === "cancelled") continue;
    const done = collectOrder(
      ctx,
      orders,
      orderId,
      {
        tenders: [],
        tillId: by.tillId,
        // An admin names who sold it (the courier); a till's session is its own cashier.
        ...(principal.kind === "admin" ? { cashierId: by.courierId } : {}),
      },
      principal,
      {
        outer: tx,
        tenderTypes: COD_TENDER_TYPES,
        extraLines: feeLines(ctx, orders, feeMinor),
        balanceWith: CASH_ON_DELIVERY,
      },
    );
    collected.push({ orderId, saleId: done.saleId, receiptNo: done.receiptNo });
  }
  return collected;
}
