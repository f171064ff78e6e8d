/**
 * Where invoices meet customer orders: `POST /invoices {orderId}` invoices the sale an order
 * was collected as. The orders feature answers `find` (src/store-server/orders/for-invoice.ts,
 * passed in by the store app; docs/invoices.md, "Orders").
 */
export type OrderForInvoice =
  /** Collected: the order's sale (recorded by `POST /orders/:id/collect`). */
  | { status: "collected"; saleId: string }
  /** Not collected yet (or cancelled): nothing to invoice. */
  | { status: "open" };

export interface InvoiceOrders {
  find(orderId: string): OrderForInvoice | undefined;
}

/** No orders (an app without the orders feature). */
export const NO_ORDERS: InvoiceOrders = { find: () => undefined };
