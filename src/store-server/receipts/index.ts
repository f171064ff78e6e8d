/** Receipts: copies of recorded sales' receipts, audited as reprints. */
export { receiptRoutes } from "./routes.ts";
export { type ReceiptCopy, ReceiptService } from "./service.ts";
