/**
 * Every route the store serves, with the schema of its answer: the till and the admin CLI call
 * the store through these (`../client.ts`), and the OpenAPI document lists them (`../openapi.ts`).
 * Bodies and queries are validated by the store with the schemas of this folder; a descriptor
 * names its body where a client of ours sends one, so that the client is typed by it.
 *
 * Strictness: request bodies are strict (the store refuses unknown fields); answers are read
 * leniently (the till and the CLI may meet a newer store that answers more fields), see
 * `answers.ts` and `admin-answers.ts`.
 */
import { z } from "zod";
import { returnableSaleSchema } from "../../core/chain-sale.ts";
import { receiptEmailAnswerSchema } from "../../core/receipt-email.ts";
import { storeSettingsSchema } from "../../core/settings.ts";
import {
  messageAnswerSchema,
  messageInputSchema,
  messagesAnswerSchema,
  messagesQuerySchema,
} from "../hq/messages.ts";
import { codeUsageAnswerSchema } from "../hq/promo-codes.ts";
import { customTendersAnswerSchema, customTendersQuerySchema } from "../hq/tenders.ts";
import { routeTable } from "../route.ts";
import { accountingExportSchema, accountingQuerySchema } from "./accounting.ts";
import {
  bulkResultAnswerSchema,
  cashMovementAnswerSchema,
  createdUserAnswerSchema,
  dailyReportAnswerSchema,
  exceptionsAnswerSchema,
  journalVerifyAnswerSchema,
  lockoutsAnswerSchema,
  pairingAnswerSchema,
  productAnswerSchema,
  receiptCopyAnswerSchema,
  refusedSalesAnswerSchema,
  revokedTillAnswerSchema,
  rotatedTokenAnswerSchema,
  shiftReportAnswerSchema,
  shiftRowAnswerSchema,
  shiftsAnswerSchema,
  tillsAnswerSchema,
  tokenAnswerSchema,
  tokensAnswerSchema,
  unlockedAnswerSchema,
  userAnswerSchema,
  usersAnswerSchema,
} from "./admin-answers.ts";
import {
  approvalAnswerSchema,
  backupFileAnswerSchema,
  cancellationAnswerSchema,
  catalogChangesAnswerSchema,
  departmentsAnswerSchema,
  drawerAnswerSchema,
  healthAnswerSchema,
  heldAnswerSchema,
  heldListAnswerSchema,
  keyAnswerSchema,
  lastReceiptAnswerSchema,
  pairAnswerSchema,
  productLookupAnswerSchema,
  receiptLinkKeyAnswerSchema,
  recordedSaleAnswerSchema,
  refusedReportAnswerSchema,
  returnAnswerSchema,
  saleAnswerSchema,
  salesListAnswerSchema,
  sessionAnswerSchema,
  staffDiscountAnswerSchema,
  tillTraceAnswerSchema,
} from "./answers.ts";
import { barcodeAssignAnswerSchema, barcodeAssignRequestSchema } from "./barcodes.ts";
import {
  cardRedemptionAnswerSchema,
  cardRedemptionInputSchema,
  issueCardInputSchema,
} from "./card-tenders.ts";
import {
  categoriesAnswerSchema,
  categoryAnswerSchema,
  variantsAnswerSchema,
} from "./catalog-stock-answers.ts";
import { marginAnswerSchema, valuationAnswerSchema } from "./costing.ts";
import { storeCardAnswerSchema, storeCustomersAnswerSchema, storeCustomersQuerySchema } from "./customers.ts";
import {
  dfcCatalogQuerySchema,
  dfcDocumentSchema,
  dfcOrderDocumentSchema,
  dfcOrdersAnswerSchema,
  dfcPlacedAnswerSchema,
  dfcPlaceQuerySchema,
} from "./dfc.ts";
import { expiryReportAnswerSchema } from "./expiry-report.ts";
import {
  creditNoteRequestSchema,
  invoiceRequestSchema,
  invoiceSchema,
  invoicesAnswerSchema,
  invoicesQuerySchema,
  issuedInvoiceAnswerSchema,
} from "./invoices.ts";
import { labelPrintAnswerSchema, labelPrintRequestSchema } from "./labels.ts";
import {
  adjustmentAnswerSchema,
  auditAnswerSchema,
  byCashierAnswerSchema,
  byDepartmentAnswerSchema,
  byHourAnswerSchema,
  byTenderAnswerSchema,
  departmentAnswerSchema,
  discardedAnswerSchema,
  exchangeAnswerSchema,
  journalEventsAnswerSchema,
  loggedOutAnswerSchema,
  movementsAnswerSchema,
  productSearchAnswerSchema,
  quoteAnswerSchema,
  returnRecordAnswerSchema,
  returnsAnswerSchema,
  saleRecordAnswerSchema,
  stockAnswerSchema,
} from "./more-answers.ts";
import {
  collectAnswerSchema,
  orderCollectSchema,
  orderDetailSchema,
  orderPatchSchema,
  orderRequestSchema,
  orderStatusRequestSchema,
  orderSummarySchema,
  ordersAnswerSchema,
  pickingListSchema,
  pickingRequestSchema,
} from "./orders.ts";
import { promoCodeCheckAnswerSchema, promoCodeCheckInputSchema } from "./promo-code-check.ts";
import { promotionReportAnswerSchema, promotionReportQuerySchema } from "./promotion-reports.ts";
import {
  promotionInputSchema,
  promotionsAnswerSchema,
  promotionsQuerySchema,
  storedPromotionAnswerSchema,
} from "./promotions.ts";
import {
  creditSettleRequestSchema,
  poReceiptRequestSchema,
  poStatusRequestSchema,
  purchaseOrderAnswerSchema,
  purchaseOrderRequestSchema,
  purchaseOrdersAnswerSchema,
  purchaseReceiptAnswerSchema,
  purchaseReceiptRequestSchema,
  vendorAnswerSchema,
  vendorCreditAnswerSchema,
  vendorCreditRequestSchema,
  vendorCreditsAnswerSchema,
  vendorImportAnswerSchema,
  vendorImportRequestSchema,
  vendorItemAnswerSchema,
  vendorItemRequestSchema,
  vendorItemsAnswerSchema,
  vendorPatchSchema,
  vendorRequestSchema,
  vendorsAnswerSchema,
  worksheetAnswerSchema,
} from "./purchasing.ts";
import {
  forecastAnswerSchema,
  forecastQuerySchema,
  stockOptimisationAnswerSchema,
  suggestedOrderAnswerSchema,
  suggestedOrderQuerySchema,
} from "./replenishment.ts";
import { storeRolesAnswerSchema } from "./roles.ts";
import { recordSaleSchema } from "./sales.ts";
import { serialHistoryAnswerSchema } from "./serials.ts";
import { belowMinimumAnswerSchema } from "./stock.ts";
import { stockDocumentAnswerSchema, stockDocumentsAnswerSchema } from "./stock-document-answers.ts";
import { stockLimitAnswerSchema, stockLimitRequestSchema, stockLimitsAnswerSchema } from "./stock-limits.ts";
import { stockSitesAnswerSchema, stockSitesQuerySchema } from "./stock-sites.ts";
import {
  cheapestVendorAnswerSchema,
  vendorReportAnswerSchema,
  vendorsReportAnswerSchema,
} from "./supplier-performance.ts";
import { tillCustomerAnswerSchema, tillCustomerInputSchema } from "./till-customers.ts";
import {
  shopProductsAnswerSchema,
  shopProductsQuerySchema,
  webhookDeletedAnswerSchema,
  webhookRequestSchema,
  webhookSchema,
  webhooksAnswerSchema,
} from "./webhooks.ts";

/** A receipt's copy at its link: an HTML page, or plain text with `?format=text`. */
const receiptPageSchema = z.string();

export const storeRoutes = routeTable({
  "POST /api/v1/backup": backupFileAnswerSchema,
  "GET /health": healthAnswerSchema,
  /** Prometheus text format (text/plain; version=0.0.4), not JSON. */
  "GET /metrics": z.string(),
  "GET /r/:token": receiptPageSchema,
  "POST /api/v1/products": productAnswerSchema,
  "POST /api/v1/products/bulk": bulkResultAnswerSchema,
  "GET /api/v1/products/lookup": productLookupAnswerSchema,
  "GET /api/v1/products/changes": catalogChangesAnswerSchema,
  "GET /api/v1/products": productSearchAnswerSchema,
  "GET /api/v1/products/:code": productAnswerSchema,
  "GET /api/v1/products/:code/variants": variantsAnswerSchema,
  "GET /api/v1/categories": categoriesAnswerSchema,
  "POST /api/v1/categories": categoryAnswerSchema,
  "GET /api/v1/departments": departmentsAnswerSchema,
  "POST /api/v1/departments": departmentAnswerSchema,
  "POST /api/v1/departments/bulk": bulkResultAnswerSchema,
  "GET /api/v1/settings": storeSettingsSchema,
  "POST /api/v1/baskets/quote": quoteAnswerSchema,
  "GET /api/v1/promotions": { answer: promotionsAnswerSchema, query: promotionsQuerySchema },
  "GET /api/v1/messages": { answer: messagesAnswerSchema, query: messagesQuerySchema },
  "GET /api/v1/tenders": { answer: customTendersAnswerSchema, query: customTendersQuerySchema },
  "POST /api/v1/messages": { body: messageInputSchema, answer: messageAnswerSchema },
  "POST /api/v1/messages/:id/deactivate": messageAnswerSchema,
  "GET /api/v1/reports/promotions": {
    answer: promotionReportAnswerSchema,
    query: promotionReportQuerySchema,
  },
  "GET /api/v1/reports/promotion-codes": codeUsageAnswerSchema,
  "GET /api/v1/promotions/:id": storedPromotionAnswerSchema,
  "POST /api/v1/promotions": { body: promotionInputSchema, answer: storedPromotionAnswerSchema },
  "POST /api/v1/promotions/:id/deactivate": storedPromotionAnswerSchema,
  "POST /api/v1/promotions/codes/check": {
    body: promoCodeCheckInputSchema,
    answer: promoCodeCheckAnswerSchema,
  },
  "POST /api/v1/sales": { body: recordSaleSchema, answer: saleAnswerSchema },
  "POST /api/v1/sales/cancellations": cancellationAnswerSchema,
  "GET /api/v1/reports/exceptions": exceptionsAnswerSchema,
  "GET /api/v1/sales/by-receipt/:receiptNo": saleRecordAnswerSchema,
  "GET /api/v1/sales/last-receipt": lastReceiptAnswerSchema,
  "GET /api/v1/sales/:id": recordedSaleAnswerSchema,
  "GET /api/v1/sales": salesListAnswerSchema,
  "GET /api/v1/sales/:id/receipt": receiptCopyAnswerSchema,
  "GET /api/v1/receipt-links/key": receiptLinkKeyAnswerSchema,
  "POST /api/v1/sales/:id/receipt-email": receiptEmailAnswerSchema,
  "POST /api/v1/sessions": sessionAnswerSchema,
  "DELETE /api/v1/sessions/current": loggedOutAnswerSchema,
  "GET /api/v1/users": usersAnswerSchema,
  "GET /api/v1/users/:id": userAnswerSchema,
  "POST /api/v1/users": createdUserAnswerSchema,
  "GET /api/v1/roles": storeRolesAnswerSchema,
  "PATCH /api/v1/users/:id": userAnswerSchema,
  "POST /api/v1/staff-discounts": staffDiscountAnswerSchema,
  "POST /api/v1/approvals": approvalAnswerSchema,
  "GET /api/v1/pin-lockouts": lockoutsAnswerSchema,
  "POST /api/v1/pin-lockouts/unlock": unlockedAnswerSchema,
  "GET /api/v1/audit": auditAnswerSchema,
  "POST /api/v1/audit/till-entries": tillTraceAnswerSchema,
  "POST /api/v1/shifts": shiftRowAnswerSchema,
  "GET /api/v1/shifts/current": shiftRowAnswerSchema,
  "GET /api/v1/shifts": shiftsAnswerSchema,
  "GET /api/v1/shifts/:id": shiftRowAnswerSchema,
  "POST /api/v1/shifts/:id/cash": cashMovementAnswerSchema,
  "GET /api/v1/shifts/:id/x-report": shiftReportAnswerSchema,
  "POST /api/v1/shifts/:id/close": shiftReportAnswerSchema,
  "GET /api/v1/shifts/:id/z-report": shiftReportAnswerSchema,
  "POST /api/v1/drawer/open": drawerAnswerSchema,
  "POST /api/v1/returns": returnAnswerSchema,
  "GET /api/v1/returns/original/:ref": returnableSaleSchema,
  "GET /api/v1/returns/:id": returnRecordAnswerSchema,
  "GET /api/v1/returns": returnsAnswerSchema,
  "POST /api/v1/sales/:id/void": saleRecordAnswerSchema,
  "POST /api/v1/exchanges": exchangeAnswerSchema,
  "POST /api/v1/held": heldAnswerSchema,
  "GET /api/v1/held": heldListAnswerSchema,
  "POST /api/v1/held/:id/resume": heldAnswerSchema,
  "DELETE /api/v1/held/:id": discardedAnswerSchema,
  "GET /api/v1/stock": stockAnswerSchema,
  "GET /api/v1/stock/movements": movementsAnswerSchema,
  "GET /api/v1/stock/below-minimum": belowMinimumAnswerSchema,
  "POST /api/v1/stock/limits": { body: stockLimitRequestSchema, answer: stockLimitAnswerSchema },
  "GET /api/v1/stock/limits": stockLimitsAnswerSchema,
  "GET /api/v1/stock/sites": { answer: stockSitesAnswerSchema, query: stockSitesQuerySchema },
  "POST /api/v1/stock/adjustments": adjustmentAnswerSchema,
  "POST /api/v1/stock/documents": stockDocumentAnswerSchema,
  "POST /api/v1/stock/documents/:id/post": stockDocumentAnswerSchema,
  "GET /api/v1/stock/documents/:id": stockDocumentAnswerSchema,
  "GET /api/v1/stock/documents": stockDocumentsAnswerSchema,
  "GET /api/v1/serials/:serial": serialHistoryAnswerSchema,
  "POST /api/v1/labels/print": { body: labelPrintRequestSchema, answer: labelPrintAnswerSchema },
  "POST /api/v1/barcodes/assign": { body: barcodeAssignRequestSchema, answer: barcodeAssignAnswerSchema },
  "POST /api/v1/vendors": { body: vendorRequestSchema, answer: vendorAnswerSchema },
  "GET /api/v1/vendors": vendorsAnswerSchema,
  "GET /api/v1/vendors/:id": vendorAnswerSchema,
  "PATCH /api/v1/vendors/:id": { body: vendorPatchSchema, answer: vendorAnswerSchema },
  "POST /api/v1/vendors/:id/items": { body: vendorItemRequestSchema, answer: vendorItemAnswerSchema },
  "GET /api/v1/vendors/:id/items": vendorItemsAnswerSchema,
  "POST /api/v1/vendor-items/import": { body: vendorImportRequestSchema, answer: vendorImportAnswerSchema },
  "POST /api/v1/purchase-orders": { body: purchaseOrderRequestSchema, answer: purchaseOrderAnswerSchema },
  "GET /api/v1/purchase-orders": purchaseOrdersAnswerSchema,
  "GET /api/v1/purchase-orders/worksheet": worksheetAnswerSchema,
  "GET /api/v1/purchase-orders/:id": purchaseOrderAnswerSchema,
  "POST /api/v1/purchase-orders/:id/status": {
    body: poStatusRequestSchema,
    answer: purchaseOrderAnswerSchema,
  },
  "POST /api/v1/purchase-orders/:id/receipts": {
    body: poReceiptRequestSchema,
    answer: purchaseReceiptAnswerSchema,
  },
  "POST /api/v1/purchase-receipts": {
    body: purchaseReceiptRequestSchema,
    answer: purchaseReceiptAnswerSchema,
  },
  "GET /api/v1/purchase-receipts/:id": purchaseReceiptAnswerSchema,
  "POST /api/v1/vendor-credits": { body: vendorCreditRequestSchema, answer: vendorCreditAnswerSchema },
  "GET /api/v1/vendor-credits": vendorCreditsAnswerSchema,
  "GET /api/v1/vendor-credits/:id": vendorCreditAnswerSchema,
  "POST /api/v1/vendor-credits/:id/settle": {
    body: creditSettleRequestSchema,
    answer: vendorCreditAnswerSchema,
  },
  "GET /api/v1/reports/vendors": vendorsReportAnswerSchema,
  "GET /api/v1/reports/vendors/:id": vendorReportAnswerSchema,
  "GET /api/v1/reports/cheapest-vendor": cheapestVendorAnswerSchema,
  "GET /api/v1/reports/daily": dailyReportAnswerSchema,
  "GET /api/v1/reports/by-hour": byHourAnswerSchema,
  "GET /api/v1/reports/by-department": byDepartmentAnswerSchema,
  "GET /api/v1/reports/by-cashier": byCashierAnswerSchema,
  "GET /api/v1/reports/by-tender": byTenderAnswerSchema,
  "GET /api/v1/reports/valuation": valuationAnswerSchema,
  "GET /api/v1/reports/margin": marginAnswerSchema,
  "GET /api/v1/reports/expiry": expiryReportAnswerSchema,
  "GET /api/v1/forecast": { query: forecastQuerySchema, answer: forecastAnswerSchema },
  "GET /api/v1/replenishment/suggested": {
    query: suggestedOrderQuerySchema,
    answer: suggestedOrderAnswerSchema,
  },
  "GET /api/v1/reports/stock-optimisation": stockOptimisationAnswerSchema,
  "GET /api/v1/journal/verify": journalVerifyAnswerSchema,
  "GET /api/v1/journal/events": journalEventsAnswerSchema,
  "POST /api/v1/tills/pair": pairAnswerSchema,
  "POST /api/v1/tills/pairings": pairingAnswerSchema,
  "GET /api/v1/tills": tillsAnswerSchema,
  "POST /api/v1/tills/:tillId/revoke": revokedTillAnswerSchema,
  "PUT /api/v1/tills/:tillId/key": keyAnswerSchema,
  "POST /api/v1/tills/:tillId/refused-sales": refusedReportAnswerSchema,
  "GET /api/v1/refused-sales": refusedSalesAnswerSchema,
  "GET /api/v1/tokens": tokensAnswerSchema,
  "POST /api/v1/tokens/:id/revoke": tokenAnswerSchema,
  "POST /api/v1/tokens/rotate": rotatedTokenAnswerSchema,
  "GET /api/v1/cards/:number": storeCardAnswerSchema,
  "POST /api/v1/cards": { answer: storeCardAnswerSchema, body: issueCardInputSchema },
  "POST /api/v1/cards/:number/block": storeCardAnswerSchema,
  "POST /api/v1/card-redemptions": { answer: cardRedemptionAnswerSchema, body: cardRedemptionInputSchema },
  "POST /api/v1/card-redemptions/:id/release": cardRedemptionAnswerSchema,
  "GET /api/v1/customers": { answer: storeCustomersAnswerSchema, query: storeCustomersQuerySchema },
  "POST /api/v1/customers": { answer: tillCustomerAnswerSchema, body: tillCustomerInputSchema },
  "POST /api/v1/orders": { body: orderRequestSchema, answer: orderSummarySchema },
  "GET /api/v1/orders": ordersAnswerSchema,
  "GET /api/v1/orders/picking": pickingListSchema,
  "GET /api/v1/orders/:id": orderDetailSchema,
  "PATCH /api/v1/orders/:id": { body: orderPatchSchema, answer: orderSummarySchema },
  "POST /api/v1/orders/:id/status": { body: orderStatusRequestSchema, answer: orderSummarySchema },
  "POST /api/v1/orders/:id/picking": { body: pickingRequestSchema, answer: orderSummarySchema },
  "POST /api/v1/orders/:id/collect": { body: orderCollectSchema, answer: collectAnswerSchema },
  "POST /api/v1/webhooks": { body: webhookRequestSchema, answer: webhookSchema },
  "GET /api/v1/webhooks": webhooksAnswerSchema,
  "DELETE /api/v1/webhooks/:id": webhookDeletedAnswerSchema,
  "POST /api/v1/webhooks/:id/resume": webhookSchema,
  "GET /api/v1/shop/products": { answer: shopProductsAnswerSchema, query: shopProductsQuerySchema },
  "POST /api/v1/invoices": { body: invoiceRequestSchema, answer: issuedInvoiceAnswerSchema },
  "POST /api/v1/credit-notes": { body: creditNoteRequestSchema, answer: issuedInvoiceAnswerSchema },
  "GET /api/v1/invoices": { query: invoicesQuerySchema, answer: invoicesAnswerSchema },
  /** NUMBER.pdf answers an A4 PDF, NUMBER.txt receipt-printer lines. */
  "GET /api/v1/invoices/:number": invoiceSchema,
  /** format=json answers this; csv (the default) and saft answer the file (docs/accounting-export.md). */
  "GET /api/v1/export/accounting": { query: accountingQuerySchema, answer: accountingExportSchema },
  /** DFC JSON-LD (application/ld+json), docs/integrations.md. */
  "GET /api/v1/dfc/enterprise": dfcDocumentSchema,
  "GET /api/v1/dfc/supplied-products": { query: dfcCatalogQuerySchema, answer: dfcDocumentSchema },
  "GET /api/v1/dfc/supplied-products/:code": dfcDocumentSchema,
  "GET /api/v1/dfc/offers": { query: dfcCatalogQuerySchema, answer: dfcDocumentSchema },
  "POST /api/v1/dfc/orders": { body: dfcOrderDocumentSchema, answer: dfcOrdersAnswerSchema },
  "POST /api/v1/dfc/orders/place": {
    body: dfcOrderDocumentSchema,
    query: dfcPlaceQuerySchema,
    answer: dfcPlacedAnswerSchema,
  },
});
