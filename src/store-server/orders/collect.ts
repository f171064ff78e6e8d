/**
 * Collecting an order at its pick-up store: its lines are recorded as a sale through the
 * store's sale path (stock, journal, replication, receipts are the sale's), paid by what was
 * prepaid and the tenders given now; the difference, when the order came to less than was
 * prepaid, is refunded to the prepaid tender. The reservation is released in the same
 * transaction.
 */
import { eq } from "drizzle-orm";
import { customerOrders } from "../../../schema/store.ts";
import type { OrderCollectRequest } from "../../api/store/orders.ts";
import { uuidv7 } from "../../core/ids.ts";
import { DEFAULT_TENDER_TYPES, type TenderType } from "../../core/tenders.ts";
import type { Principal } from "../auth/tokens.ts";
import type { StoreContext, StoreTx } from "../context.ts";
import { OrderError } from "./errors.ts";
import { inputsOfLines, saleLinesOf } from "./pricing.ts";
import { orderRow, requireOpen, summaryOf, toOrder, traceChange } from "./record.ts";
import { release } from "./reservations.ts";
import type { OrderService } from "./service.ts";

type Tender = { type: string; amountMinor: number; ref?: string | undefined };

type SaleLineInput = ReturnType<typeof saleLinesOf>[number];
type CollectedOrder = ReturnType<typeof toOrder>;

/**
 * What the sale of a collected order comes to: its lines with `extraLines` (a delivery's fee)
 * priced together by the store, or the order's own total when there are none.
 */
export function collectionTotal(
  orders: OrderService,
  order: CollectedOrder,
  extraLines: readonly SaleLineInput[] = [],
): number {
  if (extraLines.length === 0) return order.totalMinor;
  const lines = [...saleLinesOf(inputsOfLines(order.lines)), ...extraLines];
  return orders.sales.quote(order.customerId === null ? { lines } : { lines, customerId: order.customerId })
    .totalMinor;
}

/** The prepaid tenders that pay `totalMinor`, in order; what is left over is refunded. */
function prepaidUsed(prepaid: readonly Tender[], totalMinor: number): Tender[] {
  const used: Tender[] = [];
  let left = totalMinor;
  for (const tender of prepaid) {
    if (left <= 0) break;
    const amountMinor = Math.min(left, tender.amountMinor);
    used.push({ ...tender, amountMinor });
    left -= amountMinor;
  }
  return used;
}

export interface CollectOptions {
  /** The transaction this runs in (a collection forwarded by head office, a hand-in), else its own. */
  outer?: StoreTx;
  /** The tenders the sale may be paid with (a courier's hand-in adds cash on delivery). */
  tenderTypes?: readonly TenderType[];
  /** Lines the sale carries beyond the order's (the fee of its delivery). */
  extraLines?: readonly SaleLineInput[];
  /** A tender that pays whatever is due after the prepaid ones (cash collected at the door). */
  balanceWith?: string;
}

export function collectOrder(
  ctx: StoreContext,
  orders: OrderService,
  id: string,
  request: OrderCollectRequest,
  principal: Principal,
  options: CollectOptions = {},
) {
  const { outer, tenderTypes = DEFAULT_TENDER_TYPES, extraLines = [], balanceWith } = options;
  const row = orderRow(ctx.db, id);
  requireOpen(row, "collected again");
  const order = toOrder(ctx.storeId, row);
  const ordered = saleLinesOf(inputsOfLines(order.lines));
  const lines = ordered.length === 0 ? ordered : [...ordered, ...extraLines];
  if (lines.length === 0) {
    throw new OrderError("ORDER_EMPTY", `order ${row.number} has nothing to hand over; cancel it instead`, {
      id,
    });
  }
  const totalMinor = collectionTotal(orders, order, extraLines);
  const balanceDueMinor = totalMinor - order.prepaidMinor;
  if (balanceDueMinor <= 0 && request.tenders.length > 0) {
    throw new OrderError(
      "BALANCE_PAID",
      `order ${row.number} is paid (${-balanceDueMinor} minor units go back to the prepaid tender): collect it without tenders`,
      { balanceDueMinor },
    );
  }
  const refundedMinor = Math.max(0, -balanceDueMinor);
  const balance =
    balanceWith !== undefined && balanceDueMinor > 0
      ? [{ type: balanceWith, amountMinor: balanceDueMinor }]
      : [];
  const tenders = [...prepaidUsed(order.prepaid, totalMinor), ...request.tenders, ...balance];
  const saleId = uuidv7();
  const at = ctx.now();
  const atIso = at.toISOString();
  return (outer ?? ctx.db).transaction((tx) => {
    const { sale } = orders.sales.recordInTransaction(
      tx,
      {
        id: saleId,
        lines,
        tenders,
        ...(order.customerId === null ? {} : { customerId: order.customerId }),
        ...(request.tillId === undefined ? {} : { tillId: request.tillId }),
        ...(request.cashierId === undefined ? {} : { cashierId: request.cashierId }),
      },
      principal,
      tenderTypes,
      // The order's prices were agreed when it was placed: no override of the cashier's.
      { agreedPrices: true },
    );
    release(ctx, tx, id, atIso);
    const changed = {
      status: "collected" as const,
      saleId: sale.id,
      refundedMinor,
      balanceDueMinor: 0,
      updatedAt: atIso,
    };
    tx.update(customerOrders).set(changed).where(eq(customerOrders.id, id)).run();
    const collected = toOrder(ctx.storeId, { ...row, ...changed });
    traceChange(ctx, tx, collected, {
      action: "collected",
      detail: {
        saleId: sale.id,
        receiptNo: sale.receiptNo,
        paidNowMinor: request.tenders.reduce((s, t) => s + t.amountMinor, 0),
        refundedMinor,
        saleTotalMinor: sale.totalMinor,
      },
      principal,
      at,
    });
    return {
      ...summaryOf(collected),
      saleId: sale.id,
      receiptNo: sale.receiptNo,
      refundedMinor,
      changeMinor: sale.changeMinor,
    };
  });
}
