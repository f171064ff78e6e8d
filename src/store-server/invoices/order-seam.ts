/**
 * Where invoices meet customer orders: `POST /invoices {orderId}` invoices the sale an order
 * was collected as. The orders feature answers `find` (docs/invoices.md, "Orders"); until it is
 * wired in, this store knows no order and such a request is refused as an unknown order.
 */
export type OrderForInvoice =
  /** Collected: the order's sale (recorded by `POST /orders/:id/collect`). */
  | { status: "collected"; saleId: string }
  /** Not collected yet (or cancelled): nothing to invoice. */
  | { status: "open" };

export interface InvoiceOrders {
  find(orderId: string): OrderForInvoice | undefined;
}

/** No orders at this store (the orders feature replaces this). */
export const NO_ORDERS: InvoiceOrders = { find: () => undefined };
