/**
 * Every route the store serves, with the schema of its answer: the admin CLI calls the store
 * through these (`../client.ts`), the till through its part of them (`till-routes.ts`), and the
 * OpenAPI document lists them (`../openapi.ts`).
 * Bodies and queries are validated by the store with the schemas of this folder; a descriptor
 * names its body where a client of ours sends one, so that the client is typed by it.
 *
 * Strictness: request bodies are strict (the store refuses unknown fields); answers are read
 * leniently (the till and the CLI may meet a newer store that answers more fields), see
 * `answers.ts` and `admin-answers.ts`.
 */
import { z } from "zod";
import { messageAnswerSchema, messageInputSchema } from "../hq/messages.ts";
import { codeUsageAnswerSchema } from "../hq/promo-codes.ts";
import { routeTable } from "../route.ts";
import { accountingExportSchema, accountingQuerySchema } from "./accounting.ts";
import {
  bulkResultAnswerSchema,
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
import { backupFileAnswerSchema, recordedSaleAnswerSchema, salesListAnswerSchema } from "./answers.ts";
import { barcodeAssignAnswerSchema, barcodeAssignRequestSchema } from "./barcodes.ts";
import { cardRedemptionAnswerSchema } from "./card-tenders.ts";
import {
  cashBookEntrySchema,
  cashBookQuerySchema,
  cashBookReportSchema,
  correctionSchema,
  handInSchema,
} from "./cash-book.ts";
import { categoryAnswerSchema, variantsAnswerSchema } from "./catalog-stock-answers.ts";
import {
  archiveAnswerSchema,
  archiveKeyAnswerSchema,
  archiveQuerySchema,
  closeRequestSchema,
  closureAnswerSchema,
  closuresAnswerSchema,
  closuresQuerySchema,
  closureTextAnswerSchema,
} from "./closures.ts";
import { marginAnswerSchema, valuationAnswerSchema } from "./costing.ts";
import {
  dfcCatalogQuerySchema,
  dfcDocumentSchema,
  dfcOrderDocumentSchema,
  dfcOrdersAnswerSchema,
  dfcPlacedAnswerSchema,
  dfcPlaceQuerySchema,
} from "./dfc.ts";
import { expiryReportAnswerSchema } from "./expiry-report.ts";
import { fiscalExportAnswerSchema, fiscalExportQuerySchema } from "./fiscal.ts";
import {
  creditNoteRequestSchema,
  invoiceSchema,
  invoicesAnswerSchema,
  invoicesQuerySchema,
  issuedInvoiceAnswerSchema,
} from "./invoices.ts";
import {
  kitchenRoundSchema,
  kitchenRoundStatusSchema,
  kitchenTicketSchema,
  kitchenTicketsAnswerSchema,
  kitchenTicketsQuerySchema,
} from "./kitchen.ts";
import { labelPrintAnswerSchema, labelPrintRequestSchema } from "./labels.ts";
import { lossPreventionAnswerSchema, lossPreventionQuerySchema } from "./loss-prevention.ts";
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
} from "./more-answers.ts";
import { orderSummarySchema, pickingListSchema, pickingRequestSchema } from "./orders.ts";
import { promotionReportAnswerSchema, promotionReportQuerySchema } from "./promotion-reports.ts";
import { promotionInputSchema, storedPromotionAnswerSchema } from "./promotions.ts";
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
import { tablesAnswerSchema, tablesInputSchema } from "./restaurant.ts";
import { storeRolesAnswerSchema } from "./roles.ts";
import {
  scaleProductDetailsAnswerSchema,
  scaleProductDetailsSchema,
  scaleSyncRequestSchema,
  scalesAnswerSchema,
  scalesSyncAnswerSchema,
  scaleTotalsAnswerSchema,
} from "./scales.ts";
import { serialHistoryAnswerSchema } from "./serials.ts";
import {
  commissionRuleAnswerSchema,
  commissionRuleRequestSchema,
  commissionRulesAnswerSchema,
  commissionsAnswerSchema,
  commissionsQuerySchema,
  serviceAnswerSchema,
  serviceRequestSchema,
  servicesAnswerSchema,
} from "./services.ts";
import { belowMinimumAnswerSchema } from "./stock.ts";
import { stockDocumentAnswerSchema, stockDocumentsAnswerSchema } from "./stock-document-answers.ts";
import { stockLimitAnswerSchema, stockLimitRequestSchema, stockLimitsAnswerSchema } from "./stock-limits.ts";
import {
  cheapestVendorAnswerSchema,
  vendorReportAnswerSchema,
  vendorsReportAnswerSchema,
} from "./supplier-performance.ts";
import { tillStoreRoutes } from "./till-routes.ts";
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

export const storeRoutes = {
  ...tillStoreRoutes,
  ...routeTable({
    "POST /api/v1/backup": backupFileAnswerSchema,
    /** Prometheus text format (text/plain; version=0.0.4), not JSON. */
    "GET /metrics": z.string(),
    "GET /r/:token": receiptPageSchema,
    "POST /api/v1/products": productAnswerSchema,
    "POST /api/v1/products/bulk": bulkResultAnswerSchema,
    "GET /api/v1/products": productSearchAnswerSchema,
    "GET /api/v1/products/:code": productAnswerSchema,
    "GET /api/v1/products/:code/variants": variantsAnswerSchema,
    "POST /api/v1/categories": categoryAnswerSchema,
    "POST /api/v1/departments": departmentAnswerSchema,
    "POST /api/v1/departments/bulk": bulkResultAnswerSchema,
    "POST /api/v1/baskets/quote": quoteAnswerSchema,
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
    "GET /api/v1/reports/exceptions": exceptionsAnswerSchema,
    "GET /api/v1/sales/by-receipt/:receiptNo": saleRecordAnswerSchema,
    "GET /api/v1/sales/:id": recordedSaleAnswerSchema,
    "GET /api/v1/sales": salesListAnswerSchema,
    "GET /api/v1/sales/:id/receipt": receiptCopyAnswerSchema,
    "DELETE /api/v1/sessions/current": loggedOutAnswerSchema,
    "GET /api/v1/users": usersAnswerSchema,
    "GET /api/v1/users/:id": userAnswerSchema,
    "POST /api/v1/users": createdUserAnswerSchema,
    "GET /api/v1/roles": storeRolesAnswerSchema,
    "PATCH /api/v1/users/:id": userAnswerSchema,
    "GET /api/v1/pin-lockouts": lockoutsAnswerSchema,
    "POST /api/v1/pin-lockouts/unlock": unlockedAnswerSchema,
    "GET /api/v1/audit": auditAnswerSchema,
    "GET /api/v1/shifts": shiftsAnswerSchema,
    "GET /api/v1/shifts/:id": shiftRowAnswerSchema,
    "GET /api/v1/shifts/:id/z-report": shiftReportAnswerSchema,
    "GET /api/v1/returns/:id": returnRecordAnswerSchema,
    "GET /api/v1/returns": returnsAnswerSchema,
    "POST /api/v1/sales/:id/void": saleRecordAnswerSchema,
    "POST /api/v1/exchanges": exchangeAnswerSchema,
    "DELETE /api/v1/held/:id": discardedAnswerSchema,
    "GET /api/v1/stock/movements": movementsAnswerSchema,
    "GET /api/v1/stock/below-minimum": belowMinimumAnswerSchema,
    "POST /api/v1/stock/limits": { body: stockLimitRequestSchema, answer: stockLimitAnswerSchema },
    "GET /api/v1/stock/limits": stockLimitsAnswerSchema,
    "POST /api/v1/stock/adjustments": adjustmentAnswerSchema,
    "POST /api/v1/stock/documents": stockDocumentAnswerSchema,
    "POST /api/v1/stock/documents/:id/post": stockDocumentAnswerSchema,
    "GET /api/v1/stock/documents/:id": stockDocumentAnswerSchema,
    "GET /api/v1/stock/documents": stockDocumentsAnswerSchema,
    "GET /api/v1/serials/:serial": serialHistoryAnswerSchema,
    "POST /api/v1/labels/print": { body: labelPrintRequestSchema, answer: labelPrintAnswerSchema },
    "GET /api/v1/scales": scalesAnswerSchema,
    "GET /api/v1/scales/:id/totals": scaleTotalsAnswerSchema,
    "POST /api/v1/scales/sync": { body: scaleSyncRequestSchema, answer: scalesSyncAnswerSchema },
    "PUT /api/v1/scales/products/:code": {
      body: scaleProductDetailsSchema,
      answer: scaleProductDetailsAnswerSchema,
    },
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
    "GET /api/v1/reports/loss-prevention": {
      query: lossPreventionQuerySchema,
      answer: lossPreventionAnswerSchema,
    },
    "GET /api/v1/forecast": { query: forecastQuerySchema, answer: forecastAnswerSchema },
    "GET /api/v1/replenishment/suggested": {
      query: suggestedOrderQuerySchema,
      answer: suggestedOrderAnswerSchema,
    },
    "GET /api/v1/reports/stock-optimisation": stockOptimisationAnswerSchema,
    "GET /api/v1/journal/verify": journalVerifyAnswerSchema,
    "POST /api/v1/closures": { body: closeRequestSchema, answer: closureAnswerSchema },
    "GET /api/v1/closures": { query: closuresQuerySchema, answer: closuresAnswerSchema },
    "GET /api/v1/closures/:number": closureAnswerSchema,
    "GET /api/v1/closures/:number/text": closureTextAnswerSchema,
    "GET /api/v1/archive": { query: archiveQuerySchema, answer: archiveAnswerSchema },
    "GET /api/v1/archive/public-key": archiveKeyAnswerSchema,
    "GET /api/v1/journal/events": journalEventsAnswerSchema,
    "POST /api/v1/tills/pairings": pairingAnswerSchema,
    "GET /api/v1/tills": tillsAnswerSchema,
    "POST /api/v1/tills/:tillId/revoke": revokedTillAnswerSchema,
    "GET /api/v1/refused-sales": refusedSalesAnswerSchema,
    "GET /api/v1/tokens": tokensAnswerSchema,
    "POST /api/v1/tokens/:id/revoke": tokenAnswerSchema,
    "POST /api/v1/tokens/rotate": rotatedTokenAnswerSchema,
    "POST /api/v1/card-redemptions/:id/release": cardRedemptionAnswerSchema,
    "GET /api/v1/orders/picking": pickingListSchema,
    "POST /api/v1/orders/:id/picking": { body: pickingRequestSchema, answer: orderSummarySchema },
    "POST /api/v1/webhooks": { body: webhookRequestSchema, answer: webhookSchema },
    "GET /api/v1/webhooks": webhooksAnswerSchema,
    "DELETE /api/v1/webhooks/:id": webhookDeletedAnswerSchema,
    "POST /api/v1/webhooks/:id/resume": webhookSchema,
    "GET /api/v1/shop/products": { answer: shopProductsAnswerSchema, query: shopProductsQuerySchema },
    "POST /api/v1/credit-notes": { body: creditNoteRequestSchema, answer: issuedInvoiceAnswerSchema },
    "GET /api/v1/invoices": { query: invoicesQuerySchema, answer: invoicesAnswerSchema },
    /** NUMBER.pdf answers an A4 PDF, NUMBER.txt receipt-printer lines. */
    "GET /api/v1/invoices/:number": invoiceSchema,
    /** format=json answers this; csv (the default) and saft answer the file (docs/accounting-export.md). */
    "GET /api/v1/export/accounting": { query: accountingQuerySchema, answer: accountingExportSchema },
    "GET /api/v1/fiscal/signatures": { query: fiscalExportQuerySchema, answer: fiscalExportAnswerSchema },
    /** DFC JSON-LD (application/ld+json), docs/integrations.md. */
    "GET /api/v1/dfc/enterprise": dfcDocumentSchema,
    "GET /api/v1/dfc/supplied-products": { query: dfcCatalogQuerySchema, answer: dfcDocumentSchema },
    "GET /api/v1/dfc/supplied-products/:code": dfcDocumentSchema,
    "GET /api/v1/dfc/offers": { query: dfcCatalogQuerySchema, answer: dfcDocumentSchema },
    "POST /api/v1/dfc/orders": { body: dfcOrderDocumentSchema, answer: dfcOrdersAnswerSchema },
    "POST /api/v1/services": { body: serviceRequestSchema, answer: serviceAnswerSchema },
    "GET /api/v1/services": servicesAnswerSchema,
    "POST /api/v1/commission-rules": {
      body: commissionRuleRequestSchema,
      answer: commissionRuleAnswerSchema,
    },
    "GET /api/v1/commission-rules": commissionRulesAnswerSchema,
    "GET /api/v1/reports/commissions": { query: commissionsQuerySchema, answer: commissionsAnswerSchema },
    "POST /api/v1/dfc/orders/place": {
      body: dfcOrderDocumentSchema,
      query: dfcPlaceQuerySchema,
      answer: dfcPlacedAnswerSchema,
    },
    "POST /api/v1/kitchen/rounds": { body: kitchenRoundSchema, answer: kitchenRoundStatusSchema },
    "GET /api/v1/kitchen/rounds/:id": kitchenRoundStatusSchema,
    "POST /api/v1/kitchen/rounds/:id/fire": kitchenRoundStatusSchema,
    "GET /api/v1/kitchen/tickets": { query: kitchenTicketsQuerySchema, answer: kitchenTicketsAnswerSchema },
    "POST /api/v1/kitchen/tickets/:id/start": kitchenTicketSchema,
    "POST /api/v1/kitchen/tickets/:id/bump": kitchenTicketSchema,
    "POST /api/v1/kitchen/tickets/:id/recall": kitchenTicketSchema,
    "POST /api/v1/cash/corrections": { body: correctionSchema, answer: cashBookEntrySchema },
    "POST /api/v1/cash/hand-ins": { body: handInSchema, answer: cashBookEntrySchema },
    "GET /api/v1/reports/cash-book": { query: cashBookQuerySchema, answer: cashBookReportSchema },
    "POST /api/v1/tables": { body: tablesInputSchema, answer: tablesAnswerSchema },
  }),
} as const;
