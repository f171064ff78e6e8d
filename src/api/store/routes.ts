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
import { routeTable } from "../route.ts";
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
import {
  categoriesAnswerSchema,
  categoryAnswerSchema,
  variantsAnswerSchema,
} from "./catalog-stock-answers.ts";
import { marginAnswerSchema, valuationAnswerSchema } from "./costing.ts";
import { expiryReportAnswerSchema } from "./expiry-report.ts";
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
import { recordSaleSchema } from "./sales.ts";
import { serialHistoryAnswerSchema } from "./serials.ts";
import { belowMinimumAnswerSchema } from "./stock.ts";
import { stockDocumentAnswerSchema, stockDocumentsAnswerSchema } from "./stock-document-answers.ts";
import { stockLimitAnswerSchema, stockLimitRequestSchema, stockLimitsAnswerSchema } from "./stock-limits.ts";
import { stockSitesAnswerSchema, stockSitesQuerySchema } from "./stock-sites.ts";

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
  "GET /api/v1/reports/daily": dailyReportAnswerSchema,
  "GET /api/v1/reports/by-hour": byHourAnswerSchema,
  "GET /api/v1/reports/by-department": byDepartmentAnswerSchema,
  "GET /api/v1/reports/by-cashier": byCashierAnswerSchema,
  "GET /api/v1/reports/by-tender": byTenderAnswerSchema,
  "GET /api/v1/reports/valuation": valuationAnswerSchema,
  "GET /api/v1/reports/margin": marginAnswerSchema,
  "GET /api/v1/reports/expiry": expiryReportAnswerSchema,
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
});
