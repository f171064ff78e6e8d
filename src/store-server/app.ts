/**
 * The store server's HTTP app: `/health` and `/openapi.json` in the open, everything under
 * `/api/v1` behind a bearer token. Each feature folder contributes one Elysia plugin.
 */

import { Elysia, type InternalRoute } from "elysia";
import pkg from "../../package.json" with { type: "json" };
import { storeRoutes } from "../api/store/routes.ts";
import { apiDocs } from "../shared/api-docs.ts";
import { metricsRoute, type ServerMetrics } from "../shared/metrics.ts";
import { openApiRoute } from "../shared/openapi.ts";
import { DEFAULT_REQUEST_LIMITS, type RequestLimits, requestLimits } from "../shared/request-limits.ts";
import type { ConsoleSite } from "../shared/web/console.ts";
import { accountingRoutes } from "./accounting/routes.ts";
import { archiveRoutes } from "./archive/routes.ts";
import { auditRoutes } from "./audit/routes.ts";
import { permissionGuard } from "./auth/permissions.ts";
import { tokensRoutes } from "./auth/routes.ts";
import { backupRoutes } from "./backup/routes.ts";
import { barcodesRoutes } from "./barcodes/routes.ts";
import { cardTendersRoutes } from "./card-tenders/routes.ts";
import { cashBookRoutes } from "./cash-book/routes.ts";
import { catalogRoutes } from "./catalog/routes.ts";
import { closuresRoutes } from "./closures/routes.ts";
import { storeConsole, storeConsoleForms, storeConsoleSite } from "./console/index.ts";
import type { StoreContext } from "./context.ts";
import { customersRoutes } from "./customers/routes.ts";
import { deliveriesRoutes } from "./deliveries/routes.ts";
import { dfcRoutes } from "./dfc/routes.ts";
import { exchangesRoutes } from "./exchanges/routes.ts";
import { fiscalRoutes } from "./fiscal/routes.ts";
import { heldRoutes } from "./held/routes.ts";
import { authenticateRequest } from "./http/auth-plugin.ts";
import { errorHandling } from "./http/errors.ts";
import { IntegrityMonitor } from "./integrity.ts";
import { invoicesRoutes } from "./invoices/routes.ts";
import { journalRoutes } from "./journal/routes.ts";
import { kitchenRoutes } from "./kitchen/routes.ts";
import { labelsRoutes } from "./labels/routes.ts";
import { storeMetrics } from "./metrics.ts";
import { notificationsRoutes } from "./notifications/routes.ts";
import { orderForInvoice } from "./orders/for-invoice.ts";
import { ordersRoutes } from "./orders/routes.ts";
import { promotionsRoutes } from "./promotions/routes.ts";
import { supplierPerformanceRoutes } from "./purchasing/performance-routes.ts";
import { unitsOnOrder, vendorTermsOf } from "./purchasing/replenishment-sources.ts";
import { purchasingRoutes } from "./purchasing/routes.ts";
import { receiptLinkRoutes, receiptRoutes } from "./receipts/routes.ts";
import { replenishmentRoutes } from "./replenishment/routes.ts";
import { reportsRoutes } from "./reports/routes.ts";
import { restaurantRoutes } from "./restaurant/routes.ts";
import { returnsRoutes } from "./returns/routes.ts";
import { salesRoutes } from "./sales/routes.ts";
import { scalesRoutes } from "./scales/routes.ts";
import { serialsRoutes } from "./serials/routes.ts";
import { servicesRoutes } from "./services/routes.ts";
import { shiftsRoutes } from "./shifts/routes.ts";
import { costingRoutes } from "./stock/costing-routes.ts";
import { stockRoutes } from "./stock/routes.ts";
import { tendersRoutes } from "./tenders/routes.ts";
import { tillsRoutes } from "./tills/routes.ts";
import { rolesRoutes } from "./users/roles-routes.ts";
import { usersRoutes } from "./users/routes.ts";
import { webhooksRoutes } from "./webhooks/routes.ts";

export interface StoreStatus {
  /** Extra fields for /health (replication link state, outbox backlog…). */
  health?: () => Record<string, unknown>;
  /** The database's integrity: writes are refused while it is damaged. */
  integrity?: IntegrityMonitor;
  /** What `GET /metrics` answers (the server observes its requests into it). */
  metrics?: ServerMetrics;
}

/** The routes that take a body without a token: a till's PIN log-in, and its pairing. */
const OPEN_BODY_ROUTES = new Set(["/api/v1/sessions", "/api/v1/tills/pair"]);

/** Bounds of a request's URL and body (see docs/store.md, "Request limits"). */
export function storeRequestLimits(
  ctx: StoreContext,
  limits: RequestLimits = DEFAULT_REQUEST_LIMITS,
  console?: ConsoleSite,
) {
  return requestLimits({
    ...(console ? { forms: storeConsoleForms(console) } : {}),
    limits,
    smallRoutes: ["/api/v1/sessions", "/api/v1/approvals", "/api/v1/tills/pair"],
    importRoutes: ["/api/v1/products/bulk", "/api/v1/departments/bulk", "/api/v1/vendor-items/import"],
    authenticateEarly: (request, pathname) => {
      if (!OPEN_BODY_ROUTES.has(pathname)) authenticateRequest(ctx, request);
    },
  });
}

export function createStoreApp(
  ctx: StoreContext,
  status: StoreStatus = {},
  limits: RequestLimits = DEFAULT_REQUEST_LIMITS,
) {
  const integrity = status.integrity ?? new IntegrityMonitor(ctx);
  let served: readonly InternalRoute[] = [];
  const metrics = status.metrics ?? storeMetrics(ctx.sqlite);
  const console = storeConsoleSite(ctx);
  const app = new Elysia()
    .use(errorHandling)
    .use(storeRequestLimits(ctx, limits, console))
    .use(permissionGuard(ctx))
    .use(integrity.guard())
    .use(openApiRoute({ title: "Ringup store API", version: pkg.version }, storeRoutes, () => served))
    .use(apiDocs("Ringup store API"))
    .get("/health", () => ({
      status: integrity.state.ok ? "ok" : "degraded",
      ...(integrity.state.ok ? {} : { integrity: integrity.state }),
      mode: "store",
      version: pkg.version,
      storeId: ctx.storeId,
      // For a till's log-in screen before anyone has logged in there.
      storeName: ctx.settings.storeName,
      ...status.health?.(),
    }))
    .use(metricsRoute(metrics))
    .use(receiptLinkRoutes(ctx))
    .use(storeConsole(ctx, console))
    .group("/api/v1", (api) =>
      api
        .use(catalogRoutes(ctx))
        .use(salesRoutes(ctx))
        .use(receiptRoutes(ctx))
        .use(notificationsRoutes(ctx))
        .use(usersRoutes(ctx))
        .use(rolesRoutes(ctx))
        .use(auditRoutes(ctx))
        .use(shiftsRoutes(ctx))
        .use(returnsRoutes(ctx))
        .use(exchangesRoutes(ctx))
        .use(heldRoutes(ctx))
        .use(stockRoutes(ctx))
        .use(costingRoutes(ctx))
        .use(purchasingRoutes(ctx))
        .use(
          replenishmentRoutes(ctx, {
            vendorItems: (vendorId) => vendorTermsOf(ctx, vendorId),
            onOrder: (codes) => unitsOnOrder(ctx, codes),
          }),
        )
        .use(supplierPerformanceRoutes(ctx))
        .use(serialsRoutes(ctx))
        .use(labelsRoutes(ctx))
        .use(scalesRoutes(ctx))
        .use(barcodesRoutes(ctx))
        .use(reportsRoutes(ctx))
        .use(journalRoutes(ctx))
        .use(tillsRoutes(ctx))
        .use(tokensRoutes(ctx))
        .use(backupRoutes(ctx))
        .use(customersRoutes(ctx))
        .use(promotionsRoutes(ctx))
        .use(tendersRoutes(ctx))
        .use(ordersRoutes(ctx))
        .use(webhooksRoutes(ctx))
        .use(invoicesRoutes(ctx, { find: (orderId) => orderForInvoice(ctx, orderId) }))
        .use(accountingRoutes(ctx))
        .use(dfcRoutes(ctx))
        .use(cardTendersRoutes(ctx))
        .use(kitchenRoutes(ctx))
        .use(cashBookRoutes(ctx))
        .use(deliveriesRoutes(ctx))
        .use(closuresRoutes(ctx))
        .use(archiveRoutes(ctx))
        .use(servicesRoutes(ctx))
        .use(restaurantRoutes(ctx))
        .use(fiscalRoutes(ctx)),
    );
  served = app.routes;
  metrics.routes(served);
  return app;
}

export type StoreApp = ReturnType<typeof createStoreApp>;
