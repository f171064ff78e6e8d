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
import {
  cheapestVendorAnswerSchema,
  vendorReportAnswerSchema,
  vendorsReportAnswerSchema,
} from "../store/supplier-performance.ts";
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
import {
  deadLetterDetailAnswerSchema,
  deadLettersQuerySchema,
  discardAnswerSchema,
  discardInputSchema,
  deadLettersAnswerSchema as openDeadLettersAnswerSchema,
  retryAnswerSchema,
} from "./dead-letters.ts";
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
import {
  hqStockAnswerSchema,
  hqStockQuerySchema,
  transfersAnswerSchema,
  transfersQuerySchema,
} from "./stock.ts";
import {
  divergenceAnswerSchema,
  divergenceReportSchema,
  storeEventsAnswerSchema,
  storeEventsQuerySchema,
} from "./store-journal.ts";
import { storesAnswerSchema as storesWithDeadLettersAnswerSchema } from "./stores.ts";

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
  "GET /api/v1/reports/sales": salesReportAnswerSchema,
  "GET /api/v1/reports/sales/by-day": byDayAnswerSchema,
  "GET /api/v1/reports/sales/by-department": hqByDepartmentAnswerSchema,
  "GET /api/v1/reports/exceptions": exceptionsAnswerSchema,
  "GET /api/v1/reports/sales/by-product": byProductAnswerSchema,
  "GET /api/v1/sales/:id": hqSaleAnswerSchema,
  "GET /api/v1/settings": chainSettingsAnswerSchema,
  "GET /api/v1/stock": { answer: hqStockAnswerSchema, query: hqStockQuerySchema },
  "GET /api/v1/transfers": { answer: transfersAnswerSchema, query: transfersQuerySchema },
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
});
