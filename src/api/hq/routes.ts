/**
 * Every route head office serves, with the schema of its answer: the admin CLI and the store's
 * link to head office call it through these (`../client.ts`), and the OpenAPI document lists
 * them (`../openapi.ts`). Bodies and queries are validated by head office with the schemas of
 * this folder. Answers are read leniently (a client may meet a newer head office);
 */

import { z } from "zod";
import { routeTable } from "../route.ts";
import {
  bulkResultAnswerSchema,
  exceptionsAnswerSchema,
  productAnswerSchema,
  tokenAnswerSchema,
  tokensAnswerSchema,
} from "../store/admin-answers.ts";
import { promotionReportAnswerSchema, promotionReportQuerySchema } from "../store/promotion-reports.ts";
import {
  cheapestVendorAnswerSchema,
  vendorReportAnswerSchema,
  vendorsReportAnswerSchema,
} from "../store/supplier-performance.ts";
import {
  webhookDeletedAnswerSchema,
  webhookRequestSchema,
  webhookSchema,
  webhooksAnswerSchema,
} from "../store/webhooks.ts";
import { hqAccountingAnswerSchema, hqAccountingQuerySchema } from "./accounting.ts";
import {
  adjustmentInputSchema,
  bulkCardsAnswerSchema,
  bulkCardsInputSchema,
  cardAnswerSchema,
  cardInputSchema,
  earnAnswerSchema,
  earnInputSchema,
  entryAnswerSchema,
  expiryAnswerSchema,
  ledgerAnswerSchema,
  loyaltyAnswerSchema,
  loyaltyProgramSchema,
  redemptionAnswerSchema,
  redemptionInputSchema,
  replaceInputSchema,
} from "./accounts.ts";
import {
  chainCashierQuerySchema,
  chainCashiersAnswerSchema,
  chainCategoryQuerySchema,
  chainCustomersAnswerSchema,
  chainDailyAnswerSchema,
  chainDepartmentQuerySchema,
  chainGroupsAnswerSchema,
  chainHoursAnswerSchema,
  chainProductQuerySchema,
  chainProductsAnswerSchema,
  chainQuerySchema,
  chainSitesAnswerSchema,
  chainSitesQuerySchema,
} from "./analytics.ts";
import {
  byDayAnswerSchema,
  byProductAnswerSchema,
  catalogFeedAnswerSchema,
  catalogSnapshotAnswerSchema,
  chainSettingsAnswerSchema,
  deadLettersAnswerSchema,
  hqByDepartmentAnswerSchema,
  hqNewTokenAnswerSchema,
  hqPriceAnswerSchema,
  hqProductsAnswerSchema,
  hqSaleAnswerSchema,
  hqUserAnswerSchema,
  hqUsersAnswerSchema,
  pinConflictsAnswerSchema,
  pricePictureAnswerSchema,
  registeredStoreAnswerSchema,
  salesReportAnswerSchema,
  storeCredentialsAnswerSchema,
  storeSettingsAnswerSchema,
  storeSettingsOfAnswerSchema,
  storeStatusAnswerSchema,
} from "./answers.ts";
import { cardRefundAnswerSchema, cardRefundInputSchema } from "./card-refunds.ts";
import {
  bulkCustomersAnswerSchema,
  bulkCustomersSchema,
  customerAnswerSchema,
  customerExportAnswerSchema,
  customerInputSchema,
  customerPatchSchema,
  customerReportAnswerSchema,
  customerReportQuerySchema,
  customersAnswerSchema,
  customersQuerySchema,
  fieldAnswerSchema,
  fieldInputSchema,
  fieldsAnswerSchema,
  groupActivityAnswerSchema,
  groupAnswerSchema,
  groupInputSchema,
  groupsAnswerSchema,
  groupsRefreshAnswerSchema,
  liabilityAnswerSchema,
  mergeInputSchema,
} from "./customers.ts";
import {
  deadLetterDetailAnswerSchema,
  deadLettersQuerySchema,
  discardAnswerSchema,
  discardInputSchema,
  deadLettersAnswerSchema as openDeadLettersAnswerSchema,
  retryAnswerSchema,
} from "./dead-letters.ts";
import { earningReversalAnswerSchema, earningReversalInputSchema } from "./earning-reversals.ts";
import { giftCardLoadAnswerSchema, giftCardLoadInputSchema } from "./gift-card-loads.ts";
import {
  accountPaymentInputSchema,
  creditLimitInputSchema,
  houseAccountAnswerSchema,
  statementAnswerSchema,
  statementQuerySchema,
} from "./house-accounts.ts";
import {
  equityPaymentInputSchema,
  equityReportAnswerSchema,
  memberAnswerSchema,
  memberInputSchema,
} from "./members.ts";
import {
  messageAnswerSchema,
  messageInputSchema,
  messagesAnswerSchema,
  messagesQuerySchema,
} from "./messages.ts";
import {
  offlineRedemptionAnswerSchema,
  offlineRedemptionInputSchema,
  offlineReportAnswerSchema,
  offlineReportQuerySchema,
} from "./offline-redemptions.ts";
import {
  hqOrderCollectSchema,
  hqOrderPatchSchema,
  hqOrderRequestSchema,
  hqOrderSchema,
  hqOrderStatusRequestSchema,
  hqOrdersAnswerSchema,
  hqOrdersQuerySchema,
} from "./orders.ts";

import {
  codeClaimAnswerSchema,
  codeClaimInputSchema,
  codeReleaseAnswerSchema,
  codeUsageAnswerSchema,
} from "./promo-codes.ts";
import {
  categoryInputSchema,
  hqCategoriesAnswerSchema,
  hqCategoryAnswerSchema,
  hqPromotionAnswerSchema,
  hqPromotionsAnswerSchema,
  promotionInputSchema,
  promotionsQuerySchema,
} from "./promotions.ts";
import {
  chainOrderAnswerSchema,
  chainOrderRequestSchema,
  hqCheapestVendorQuerySchema,
  hqPurchaseOrderAnswerSchema,
  hqPurchaseOrdersAnswerSchema,
  hqPurchaseOrdersQuerySchema,
  hqVendorCreditsAnswerSchema,
  hqVendorCreditsQuerySchema,
  hqVendorDetailAnswerSchema,
  hqVendorQuerySchema,
  hqVendorReportQuerySchema,
  hqVendorsAnswerSchema,
  hqVendorsQuerySchema,
} from "./purchasing.ts";
import { reportQuerySchema } from "./reports.ts";
import { roleAnswerSchema, roleDeletedAnswerSchema, roleInputSchema, rolesAnswerSchema } from "./roles.ts";
import { chainScalesAnswerSchema, storeScalesAnswerSchema } from "./scales.ts";
import {
  hqCommissionRuleAnswerSchema,
  hqCommissionRuleInputSchema,
  hqCommissionRulesAnswerSchema,
  hqCommissionRulesQuerySchema,
  hqServiceAnswerSchema,
  hqServiceInputSchema,
  hqServicesAnswerSchema,
} from "./services.ts";
import { sitesAnswerSchema } from "./sites.ts";
import {
  hqStockAnswerSchema,
  hqStockQuerySchema,
  transfersAnswerSchema,
  transfersQuerySchema,
} from "./stock.ts";
import { hqBelowMinimumAnswerSchema, hqBelowMinimumQuerySchema } from "./stock-limits.ts";
import {
  divergenceAnswerSchema,
  divergenceReportSchema,
  storeEventsAnswerSchema,
  storeEventsQuerySchema,
} from "./store-journal.ts";
import {
  storeFromTemplateAnswerSchema,
  storeFromTemplateInputSchema,
  storeTemplateInputSchema,
  storeTemplateSchema,
  storeTemplatesAnswerSchema,
  templateFromStoreInputSchema,
} from "./store-templates.ts";
import { storesAnswerSchema as storesWithDeadLettersAnswerSchema } from "./stores.ts";
import {
  createdTenantAnswerSchema,
  tenantAnswerSchema,
  tenantInputSchema,
  tenantsAnswerSchema,
} from "./tenants.ts";
import {
  customTenderAnswerSchema,
  customTenderInputSchema,
  customTendersAnswerSchema,
  customTendersQuerySchema,
} from "./tenders.ts";

export const hqHealthAnswerSchema = z.looseObject({ status: z.string(), mode: z.literal("hq") });

export const hqRoutes = routeTable({
  "GET /health": hqHealthAnswerSchema,
  /** Prometheus text format (text/plain; version=0.0.4), not JSON. */
  "GET /metrics": z.string(),
  "POST /api/v1/tokens": hqNewTokenAnswerSchema,
  "GET /api/v1/tokens": tokensAnswerSchema,
  "POST /api/v1/tokens/:id/revoke": tokenAnswerSchema,
  "POST /api/v1/stores": registeredStoreAnswerSchema,
  "POST /api/v1/stores/:id/credentials": storeCredentialsAnswerSchema,
  "PUT /api/v1/stores/:id/settings": storeSettingsAnswerSchema,
  "GET /api/v1/stores": storesWithDeadLettersAnswerSchema,
  "GET /api/v1/stores/:id": storeStatusAnswerSchema,
  "GET /api/v1/stores/:id/dead-letters": deadLettersAnswerSchema,
  "GET /api/v1/stores/:id/settings": storeSettingsOfAnswerSchema,
  "GET /api/v1/stores/:id/events": { answer: storeEventsAnswerSchema, query: storeEventsQuerySchema },
  "PUT /api/v1/stores/:id/divergence": { answer: divergenceAnswerSchema, body: divergenceReportSchema },
  "GET /api/v1/stores/:id/scales": storeScalesAnswerSchema,
  "GET /api/v1/scales": chainScalesAnswerSchema,
  "POST /api/v1/store-templates": { answer: storeTemplateSchema, body: storeTemplateInputSchema },
  "GET /api/v1/store-templates": storeTemplatesAnswerSchema,
  "GET /api/v1/store-templates/:id": storeTemplateSchema,
  "POST /api/v1/store-templates/from-store/:id": {
    answer: storeTemplateSchema,
    body: templateFromStoreInputSchema,
  },
  "POST /api/v1/store-templates/:id/stores": {
    answer: storeFromTemplateAnswerSchema,
    body: storeFromTemplateInputSchema,
  },
  "GET /api/v1/dead-letters": { answer: openDeadLettersAnswerSchema, query: deadLettersQuerySchema },
  "GET /api/v1/dead-letters/:id": deadLetterDetailAnswerSchema,
  "POST /api/v1/dead-letters/:id/retry": retryAnswerSchema,
  "POST /api/v1/dead-letters/:id/discard": { answer: discardAnswerSchema, body: discardInputSchema },
  "POST /api/v1/products": productAnswerSchema,
  "POST /api/v1/products/bulk": bulkResultAnswerSchema,
  "PUT /api/v1/prices": hqPriceAnswerSchema,
  "GET /api/v1/products": hqProductsAnswerSchema,
  "GET /api/v1/products/:code": productAnswerSchema,
  "GET /api/v1/prices": pricePictureAnswerSchema,
  "GET /api/v1/catalog/changes": catalogFeedAnswerSchema,
  "GET /api/v1/catalog/snapshot": catalogSnapshotAnswerSchema,
  "GET /api/v1/users": hqUsersAnswerSchema,
  "GET /api/v1/users/pin-conflicts": pinConflictsAnswerSchema,
  "POST /api/v1/users": hqUserAnswerSchema,
  "PUT /api/v1/users/:id": hqUserAnswerSchema,
  "GET /api/v1/roles": rolesAnswerSchema,
  "POST /api/v1/roles": { body: roleInputSchema, answer: roleAnswerSchema },
  "DELETE /api/v1/roles/:id": roleDeletedAnswerSchema,
  "GET /api/v1/reports/sales": salesReportAnswerSchema,
  "GET /api/v1/reports/sales/by-day": byDayAnswerSchema,
  "GET /api/v1/reports/sales/by-department": hqByDepartmentAnswerSchema,
  "GET /api/v1/reports/exceptions": exceptionsAnswerSchema,
  "GET /api/v1/reports/sales/by-product": byProductAnswerSchema,
  "GET /api/v1/sales/:id": hqSaleAnswerSchema,
  "GET /api/v1/settings": chainSettingsAnswerSchema,
  "GET /api/v1/stock": { answer: hqStockAnswerSchema, query: hqStockQuerySchema },
  "GET /api/v1/stock/below-minimum": { answer: hqBelowMinimumAnswerSchema, query: hqBelowMinimumQuerySchema },
  "GET /api/v1/sites": sitesAnswerSchema,
  "GET /api/v1/transfers": { answer: transfersAnswerSchema, query: transfersQuerySchema },
  "POST /api/v1/customers": { answer: customerAnswerSchema, body: customerInputSchema },
  "GET /api/v1/customers": { answer: customersAnswerSchema, query: customersQuerySchema },
  "GET /api/v1/customers/:id": customerAnswerSchema,
  "PATCH /api/v1/customers/:id": { answer: customerAnswerSchema, body: customerPatchSchema },
  "POST /api/v1/customers/:id/merge": { answer: customerAnswerSchema, body: mergeInputSchema },
  "GET /api/v1/customers/:id/export": customerExportAnswerSchema,
  "POST /api/v1/customers/:id/erase": customerAnswerSchema,
  "POST /api/v1/customers/bulk": { answer: bulkCustomersAnswerSchema, body: bulkCustomersSchema },
  "POST /api/v1/customer-fields": { answer: fieldAnswerSchema, body: fieldInputSchema },
  "GET /api/v1/customer-fields": fieldsAnswerSchema,
  "POST /api/v1/customer-groups": { answer: groupAnswerSchema, body: groupInputSchema },
  "GET /api/v1/customer-groups": groupsAnswerSchema,
  "POST /api/v1/customer-groups/refresh": groupsRefreshAnswerSchema,
  "PUT /api/v1/loyalty": { answer: loyaltyAnswerSchema, body: loyaltyProgramSchema },
  "GET /api/v1/loyalty": loyaltyAnswerSchema,
  "POST /api/v1/cards": { answer: cardAnswerSchema, body: cardInputSchema },
  "POST /api/v1/cards/bulk": { answer: bulkCardsAnswerSchema, body: bulkCardsInputSchema },
  "GET /api/v1/cards/:number": cardAnswerSchema,
  "GET /api/v1/cards/:number/ledger": ledgerAnswerSchema,
  "POST /api/v1/cards/:number/block": cardAnswerSchema,
  "POST /api/v1/cards/:number/replace": { answer: cardAnswerSchema, body: replaceInputSchema },
  "POST /api/v1/accounts/earnings": { answer: earnAnswerSchema, body: earnInputSchema },
  "POST /api/v1/accounts/earning-reversals": {
    answer: earningReversalAnswerSchema,
    body: earningReversalInputSchema,
  },
  "POST /api/v1/accounts/adjustments": { answer: entryAnswerSchema, body: adjustmentInputSchema },
  "POST /api/v1/accounts/expire": expiryAnswerSchema,
  "POST /api/v1/accounts/redemptions": { answer: redemptionAnswerSchema, body: redemptionInputSchema },
  "POST /api/v1/accounts/redemptions/:id/commit": redemptionAnswerSchema,
  "POST /api/v1/accounts/refunds": { answer: cardRefundAnswerSchema, body: cardRefundInputSchema },
  "POST /api/v1/accounts/gift-card-loads": {
    answer: giftCardLoadAnswerSchema,
    body: giftCardLoadInputSchema,
  },
  "PUT /api/v1/customers/:id/account": { answer: houseAccountAnswerSchema, body: creditLimitInputSchema },
  "POST /api/v1/customers/:id/account/payments": {
    answer: houseAccountAnswerSchema,
    body: accountPaymentInputSchema,
  },
  "GET /api/v1/customers/:id/account": houseAccountAnswerSchema,
  "GET /api/v1/customers/:id/account/statement": {
    answer: statementAnswerSchema,
    query: statementQuerySchema,
  },
  "POST /api/v1/accounts/offline-redemptions": {
    answer: offlineRedemptionAnswerSchema,
    body: offlineRedemptionInputSchema,
  },
  "GET /api/v1/reports/offline-redemptions": {
    answer: offlineReportAnswerSchema,
    query: offlineReportQuerySchema,
  },
  "POST /api/v1/accounts/redemptions/:id/release": redemptionAnswerSchema,
  "GET /api/v1/reports/customers": { answer: customerReportAnswerSchema, query: customerReportQuerySchema },
  "GET /api/v1/reports/customer-groups": { answer: groupActivityAnswerSchema, query: reportQuerySchema },
  "GET /api/v1/reports/points-liability": liabilityAnswerSchema,
  "PUT /api/v1/customers/:id/member": { answer: memberAnswerSchema, body: memberInputSchema },
  "GET /api/v1/customers/:id/member": memberAnswerSchema,
  "POST /api/v1/customers/:id/equity/payments": {
    answer: memberAnswerSchema,
    body: equityPaymentInputSchema,
  },
  "GET /api/v1/reports/equity": equityReportAnswerSchema,
  "POST /api/v1/promotions": { body: promotionInputSchema, answer: hqPromotionAnswerSchema },
  "GET /api/v1/promotions": { answer: hqPromotionsAnswerSchema, query: promotionsQuerySchema },
  "GET /api/v1/promotions/:id": hqPromotionAnswerSchema,
  "POST /api/v1/promotions/:id/deactivate": hqPromotionAnswerSchema,
  "POST /api/v1/categories": { body: categoryInputSchema, answer: hqCategoryAnswerSchema },
  "GET /api/v1/categories": hqCategoriesAnswerSchema,
  "GET /api/v1/vendors": { answer: hqVendorsAnswerSchema, query: hqVendorsQuerySchema },
  "GET /api/v1/vendors/:id": { answer: hqVendorDetailAnswerSchema, query: hqVendorQuerySchema },
  "GET /api/v1/purchase-orders": { answer: hqPurchaseOrdersAnswerSchema, query: hqPurchaseOrdersQuerySchema },
  "GET /api/v1/purchase-orders/:id": hqPurchaseOrderAnswerSchema,
  "GET /api/v1/vendor-credits": { answer: hqVendorCreditsAnswerSchema, query: hqVendorCreditsQuerySchema },
  "GET /api/v1/reports/vendors": { answer: vendorsReportAnswerSchema, query: hqVendorReportQuerySchema },
  "GET /api/v1/reports/vendors/:id": { answer: vendorReportAnswerSchema, query: hqVendorReportQuerySchema },
  "GET /api/v1/reports/cheapest-vendor": {
    answer: cheapestVendorAnswerSchema,
    query: hqCheapestVendorQuerySchema,
  },
  "POST /api/v1/purchase-orders": { body: chainOrderRequestSchema, answer: chainOrderAnswerSchema },
  "GET /api/v1/chain-orders/:id": chainOrderAnswerSchema,
  "POST /api/v1/orders": { body: hqOrderRequestSchema, answer: hqOrderSchema },
  "GET /api/v1/orders": { answer: hqOrdersAnswerSchema, query: hqOrdersQuerySchema },
  "GET /api/v1/orders/:id": hqOrderSchema,
  "PATCH /api/v1/orders/:id": { body: hqOrderPatchSchema, answer: hqOrderSchema },
  "POST /api/v1/orders/:id/status": { body: hqOrderStatusRequestSchema, answer: hqOrderSchema },
  "POST /api/v1/orders/:id/collect": { body: hqOrderCollectSchema, answer: hqOrderSchema },
  "POST /api/v1/webhooks": { body: webhookRequestSchema, answer: webhookSchema },
  "GET /api/v1/webhooks": webhooksAnswerSchema,
  "DELETE /api/v1/webhooks/:id": webhookDeletedAnswerSchema,
  "POST /api/v1/webhooks/:id/resume": webhookSchema,
  "GET /api/v1/export/accounting": {
    query: hqAccountingQuerySchema,
    answer: hqAccountingAnswerSchema,
  },
  "POST /api/v1/promotions/claims": { body: codeClaimInputSchema, answer: codeClaimAnswerSchema },
  "POST /api/v1/promotions/claims/:saleId/release": codeReleaseAnswerSchema,
  "GET /api/v1/reports/promotion-codes": codeUsageAnswerSchema,
  "GET /api/v1/reports/promotions": {
    answer: promotionReportAnswerSchema,
    query: promotionReportQuerySchema,
  },
  "POST /api/v1/messages": { body: messageInputSchema, answer: messageAnswerSchema },
  "POST /api/v1/messages/:id/deactivate": messageAnswerSchema,
  "GET /api/v1/messages": { answer: messagesAnswerSchema, query: messagesQuerySchema },
  "POST /api/v1/tenders": { body: customTenderInputSchema, answer: customTenderAnswerSchema },
  "GET /api/v1/tenders": { answer: customTendersAnswerSchema, query: customTendersQuerySchema },
  "POST /api/v1/services": { body: hqServiceInputSchema, answer: hqServiceAnswerSchema },
  "GET /api/v1/services": hqServicesAnswerSchema,
  "POST /api/v1/commission-rules": {
    body: hqCommissionRuleInputSchema,
    answer: hqCommissionRuleAnswerSchema,
  },
  "GET /api/v1/commission-rules": {
    answer: hqCommissionRulesAnswerSchema,
    query: hqCommissionRulesQuerySchema,
  },
  "GET /api/v1/reports/chain/daily": { answer: chainDailyAnswerSchema, query: chainQuerySchema },
  "GET /api/v1/reports/chain/products": { answer: chainProductsAnswerSchema, query: chainProductQuerySchema },
  "GET /api/v1/reports/chain/departments": {
    answer: chainGroupsAnswerSchema,
    query: chainDepartmentQuerySchema,
  },
  "GET /api/v1/reports/chain/categories": {
    answer: chainGroupsAnswerSchema,
    query: chainCategoryQuerySchema,
  },
  "GET /api/v1/reports/chain/hours": { answer: chainHoursAnswerSchema, query: chainQuerySchema },
  "GET /api/v1/reports/chain/cashiers": { answer: chainCashiersAnswerSchema, query: chainCashierQuerySchema },
  "GET /api/v1/reports/chain/customers": { answer: chainCustomersAnswerSchema, query: chainQuerySchema },
  "GET /api/v1/reports/chain/sites": { answer: chainSitesAnswerSchema, query: chainSitesQuerySchema },
  "GET /api/v1/tenants": tenantsAnswerSchema,
  "POST /api/v1/tenants": { answer: createdTenantAnswerSchema, body: tenantInputSchema },
  "POST /api/v1/tenants/:id/suspend": tenantAnswerSchema,
  "POST /api/v1/tenants/:id/resume": tenantAnswerSchema,
});
