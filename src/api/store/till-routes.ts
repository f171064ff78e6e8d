/**
 * The store's routes a till calls, with the schemas of their bodies and answers: the till's
 * store client is typed by these. They are part of every store route (`routes.ts`), kept apart
 * so that a till loads only the schemas of what it calls, not the whole store API's.
 */
import { returnableSaleSchema } from "../../core/chain-sale.ts";
import { receiptEmailAnswerSchema } from "../../core/receipt-email.ts";
import { storeSettingsSchema } from "../../core/settings.ts";
import { messagesAnswerSchema, messagesQuerySchema } from "../hq/messages.ts";
import { customTendersAnswerSchema, customTendersQuerySchema } from "../hq/tenders.ts";
import { routeTable } from "../route.ts";
import { cashMovementAnswerSchema, shiftReportAnswerSchema, shiftRowAnswerSchema } from "./admin-answers.ts";
import {
  approvalAnswerSchema,
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
  refusedReportAnswerSchema,
  returnAnswerSchema,
  saleAnswerSchema,
  sessionAnswerSchema,
  staffDiscountAnswerSchema,
  tillTraceAnswerSchema,
} from "./answers.ts";
import {
  cardRedemptionAnswerSchema,
  cardRedemptionInputSchema,
  issueCardInputSchema,
} from "./card-tenders.ts";
import { cashBookEntrySchema, expenseSchema } from "./cash-book.ts";
import { categoriesAnswerSchema } from "./catalog-stock-answers.ts";
import { storeCardAnswerSchema, storeCustomersAnswerSchema, storeCustomersQuerySchema } from "./customers.ts";
import {
  courierRequestSchema,
  deliveriesAnswerSchema,
  deliveriesQuerySchema,
  deliveryRequestSchema,
  deliverySchema,
  deliveryStatusRequestSchema,
} from "./deliveries.ts";
import { invoiceRequestSchema, issuedInvoiceAnswerSchema } from "./invoices.ts";
import { stockAnswerSchema } from "./more-answers.ts";
import {
  collectAnswerSchema,
  orderCollectSchema,
  orderDetailSchema,
  orderPatchSchema,
  orderRequestSchema,
  orderStatusRequestSchema,
  orderSummarySchema,
  ordersAnswerSchema,
} from "./orders.ts";
import { promoCodeCheckAnswerSchema, promoCodeCheckInputSchema } from "./promo-code-check.ts";
import { storePromotionsAnswerSchema, storePromotionsQuerySchema } from "./promotions.ts";
import {
  addLinesInputSchema,
  fireCourseInputSchema,
  mergeInputSchema,
  openOrderInputSchema,
  orderAnswerSchema,
  paidCheckAnswerSchema,
  payCheckInputSchema,
  sendRoundInputSchema,
  splitInputSchema,
  tableRoundSchema,
  tablesAnswerSchema,
  transferInputSchema,
} from "./restaurant.ts";
import { recordSaleSchema } from "./sales.ts";
import {
  bookingAnswerSchema,
  bookingRequestSchema,
  bookingStatusRequestSchema,
  bookingsAnswerSchema,
  bookingsQuerySchema,
  freeSlotsAnswerSchema,
  freeSlotsQuerySchema,
  serviceCardAnswerSchema,
} from "./services.ts";
import { stockSitesAnswerSchema, stockSitesQuerySchema } from "./stock-sites.ts";
import { tillCustomerAnswerSchema, tillCustomerInputSchema } from "./till-customers.ts";

export const tillStoreRoutes = routeTable({
  "GET /health": healthAnswerSchema,
  "GET /api/v1/products/lookup": productLookupAnswerSchema,
  "GET /api/v1/products/changes": catalogChangesAnswerSchema,
  "GET /api/v1/categories": categoriesAnswerSchema,
  "GET /api/v1/departments": departmentsAnswerSchema,
  "GET /api/v1/settings": storeSettingsSchema,
  "GET /api/v1/promotions": { answer: storePromotionsAnswerSchema, query: storePromotionsQuerySchema },
  "GET /api/v1/messages": { answer: messagesAnswerSchema, query: messagesQuerySchema },
  "GET /api/v1/tenders": { answer: customTendersAnswerSchema, query: customTendersQuerySchema },
  "POST /api/v1/promotions/codes/check": {
    body: promoCodeCheckInputSchema,
    answer: promoCodeCheckAnswerSchema,
  },
  "POST /api/v1/sales": { body: recordSaleSchema, answer: saleAnswerSchema },
  "POST /api/v1/sales/cancellations": cancellationAnswerSchema,
  "GET /api/v1/sales/last-receipt": lastReceiptAnswerSchema,
  "GET /api/v1/receipt-links/key": receiptLinkKeyAnswerSchema,
  "POST /api/v1/sales/:id/receipt-email": receiptEmailAnswerSchema,
  "POST /api/v1/sessions": sessionAnswerSchema,
  "POST /api/v1/staff-discounts": staffDiscountAnswerSchema,
  "POST /api/v1/approvals": approvalAnswerSchema,
  "POST /api/v1/audit/till-entries": tillTraceAnswerSchema,
  "POST /api/v1/shifts": shiftRowAnswerSchema,
  "GET /api/v1/shifts/current": shiftRowAnswerSchema,
  "POST /api/v1/shifts/:id/cash": cashMovementAnswerSchema,
  "GET /api/v1/shifts/:id/x-report": shiftReportAnswerSchema,
  "POST /api/v1/shifts/:id/close": shiftReportAnswerSchema,
  "POST /api/v1/drawer/open": drawerAnswerSchema,
  "POST /api/v1/returns": returnAnswerSchema,
  "GET /api/v1/returns/original/:ref": returnableSaleSchema,
  "POST /api/v1/held": heldAnswerSchema,
  "GET /api/v1/held": heldListAnswerSchema,
  "POST /api/v1/held/:id/resume": heldAnswerSchema,
  "GET /api/v1/stock": stockAnswerSchema,
  "GET /api/v1/stock/sites": { answer: stockSitesAnswerSchema, query: stockSitesQuerySchema },
  "POST /api/v1/tills/pair": pairAnswerSchema,
  "PUT /api/v1/tills/:tillId/key": keyAnswerSchema,
  "POST /api/v1/tills/:tillId/refused-sales": refusedReportAnswerSchema,
  "GET /api/v1/cards/:number": storeCardAnswerSchema,
  "POST /api/v1/cards": { answer: storeCardAnswerSchema, body: issueCardInputSchema },
  "POST /api/v1/cards/:number/block": storeCardAnswerSchema,
  "POST /api/v1/card-redemptions": { answer: cardRedemptionAnswerSchema, body: cardRedemptionInputSchema },
  "GET /api/v1/customers": { answer: storeCustomersAnswerSchema, query: storeCustomersQuerySchema },
  "POST /api/v1/customers": { answer: tillCustomerAnswerSchema, body: tillCustomerInputSchema },
  "POST /api/v1/orders": { body: orderRequestSchema, answer: orderSummarySchema },
  "GET /api/v1/orders": ordersAnswerSchema,
  "GET /api/v1/orders/:id": orderDetailSchema,
  "PATCH /api/v1/orders/:id": { body: orderPatchSchema, answer: orderSummarySchema },
  "POST /api/v1/orders/:id/status": { body: orderStatusRequestSchema, answer: orderSummarySchema },
  "POST /api/v1/orders/:id/collect": { body: orderCollectSchema, answer: collectAnswerSchema },
  "POST /api/v1/invoices": { body: invoiceRequestSchema, answer: issuedInvoiceAnswerSchema },
  "POST /api/v1/bookings": { body: bookingRequestSchema, answer: bookingAnswerSchema },
  "GET /api/v1/bookings": { query: bookingsQuerySchema, answer: bookingsAnswerSchema },
  "GET /api/v1/bookings/free-slots": { query: freeSlotsQuerySchema, answer: freeSlotsAnswerSchema },
  "POST /api/v1/bookings/:id/status": { body: bookingStatusRequestSchema, answer: bookingAnswerSchema },
  "GET /api/v1/customers/:id/service-card": serviceCardAnswerSchema,
  "POST /api/v1/cash/expenses": { body: expenseSchema, answer: cashBookEntrySchema },
  "POST /api/v1/deliveries": { body: deliveryRequestSchema, answer: deliverySchema },
  "GET /api/v1/deliveries": { query: deliveriesQuerySchema, answer: deliveriesAnswerSchema },
  "GET /api/v1/deliveries/:id": deliverySchema,
  "POST /api/v1/deliveries/:id/courier": { body: courierRequestSchema, answer: deliverySchema },
  "POST /api/v1/deliveries/:id/status": { body: deliveryStatusRequestSchema, answer: deliverySchema },
  "GET /api/v1/tables": tablesAnswerSchema,
  "POST /api/v1/table-orders": { body: openOrderInputSchema, answer: orderAnswerSchema },
  "GET /api/v1/table-orders/:id": orderAnswerSchema,
  "POST /api/v1/table-orders/:id/lines": { body: addLinesInputSchema, answer: orderAnswerSchema },
  "POST /api/v1/table-orders/:id/rounds": { body: sendRoundInputSchema, answer: tableRoundSchema },
  "POST /api/v1/table-orders/:id/fire": { body: fireCourseInputSchema, answer: tableRoundSchema },
  "POST /api/v1/table-orders/:id/transfer": { body: transferInputSchema, answer: orderAnswerSchema },
  "POST /api/v1/table-orders/:id/merge": { body: mergeInputSchema, answer: orderAnswerSchema },
  "POST /api/v1/table-orders/:id/bill": orderAnswerSchema,
  "POST /api/v1/table-orders/:id/split": { body: splitInputSchema, answer: orderAnswerSchema },
  "POST /api/v1/table-orders/:id/checks/:checkId/pay": {
    body: payCheckInputSchema,
    answer: paidCheckAnswerSchema,
  },
});
