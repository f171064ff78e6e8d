/** Receipts: copies of recorded sales' receipts, audited as reprints. */
export { receiptLinkRoutes, receiptRoutes } from "./routes.ts";
export { type ReceiptCopy, ReceiptService } from "./service.ts";
