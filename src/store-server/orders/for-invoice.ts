/** What invoicing asks of an order: whether it was collected, and as which sale. */
import { eq } from "drizzle-orm";
import { customerOrders } from "../../../schema/store.ts";
import type { StoreContext } from "../context.ts";

export type OrderForInvoice = { status: "collected"; saleId: string } | { status: "open" };

/** The order's standing for an invoice, or undefined when this store has no such order. */
export function orderForInvoice(ctx: StoreContext, orderId: string): OrderForInvoice | undefined {
  const row = ctx.db
    .select({ status: customerOrders.status, saleId: customerOrders.saleId })
    .from(customerOrders)
    .where(eq(customerOrders.id, orderId))
    .get();
  if (row === undefined) return undefined;
  return row.status === "collected" && row.saleId !== null
    ? { status: "collected", saleId: row.saleId }
    : { status: "open" };
}
