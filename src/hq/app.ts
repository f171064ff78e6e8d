/**
 * Head office's HTTP app: `/health` and `/openapi.json` in the open, everything under
 * `/api/v1` behind a bearer token with scopes. Each feature folder contributes one plugin.
 */

import { Elysia, type InternalRoute } from "elysia";
import pkg from "../../package.json" with { type: "json" };
import { hqRoutes } from "../api/hq/routes.ts";
import { apiDocs } from "../shared/api-docs.ts";
import { errorHandling } from "../shared/http-errors.ts";
import { metricsRoute, type ServerMetrics } from "../shared/metrics.ts";
import { openApiRoute } from "../shared/openapi.ts";
import { DEFAULT_REQUEST_LIMITS, type RequestLimits, requestLimits } from "../shared/request-limits.ts";
import type { ConsoleSite } from "../shared/web/console.ts";
import { accountingRoutes } from "./accounting/routes.ts";
import { analyticsRoutes } from "./analytics/routes.ts";
import { authenticateRequest } from "./auth/plugin.ts";
import { tokensRoutes } from "./auth/routes.ts";
import { PriceService } from "./catalog/prices.ts";
import { catalogRoutes } from "./catalog/routes.ts";
import { PriceScheduler } from "./catalog/scheduler.ts";
import { consoleForms, hqConsole, hqConsoleSite } from "./console/index.ts";
import type { HqContext } from "./context.ts";
import { accountsRoutes } from "./customers/accounts-routes.ts";
import { customersRoutes } from "./customers/routes.ts";
import { deadLettersRoutes } from "./dead-letters/routes.ts";
import { type DeadLetterDesk, deadLetterDesk, EventIngestor } from "./ingest/index.ts";
import { hqMetrics } from "./metrics.ts";
import { ordersRoutes } from "./orders/routes.ts";
import { promotionsRoutes } from "./promotions/routes.ts";
import { chainOrderRoutes } from "./purchasing/order-routes.ts";
import { purchasingReadRoutes } from "./purchasing/routes.ts";
import { reportsRoutes } from "./reports/routes.ts";
import { rolesRoutes } from "./roles/routes.ts";
import { salesRoutes } from "./sales/routes.ts";
import { scalesRoutes } from "./scales/routes.ts";
import { servicesRoutes } from "./services/routes.ts";
import { settingsRoutes } from "./settings/routes.ts";
import { stockRoutes } from "./stock/routes.ts";
import { storeTemplatesRoutes } from "./store-templates/routes.ts";
import { storesRoutes } from "./stores/routes.ts";
import { tenantsRoutes } from "./tenants/routes.ts";
import { tendersRoutes } from "./tenders/routes.ts";
import { usersRoutes } from "./users/routes.ts";
import { webhooksRoutes } from "./webhooks/routes.ts";

export interface HqStatus {
  /** The NATS link's state for /health ("disabled" when head office runs without NATS). */
  nats?: () => string;
  /** The running ingest's dead letter desk (without NATS: one on the database alone). */
  deadLetters?: DeadLetterDesk;
  /** What `GET /metrics` answers (the server observes its requests into it). */
  metrics?: ServerMetrics;
}

export interface HqServices {
  prices: PriceService;
  scheduler: PriceScheduler;
}

export function hqServices(ctx: HqContext): HqServices {
  const prices = new PriceService(ctx);
  return { prices, scheduler: new PriceScheduler(ctx, prices) };
}

/** Bounds of a request's URL and body (see docs/hq.md, "Request limits"). */
export function hqRequestLimits(
  ctx: HqContext,
  limits: RequestLimits = DEFAULT_REQUEST_LIMITS,
  console?: ConsoleSite,
) {
  return requestLimits({
    ...(console ? { forms: consoleForms(console) } : {}),
    limits,
    smallRoutes: [],
    importRoutes: ["/api/v1/products/bulk", "/api/v1/customers/bulk"],
    // Every route that takes a body needs a token: no byte of it is read without one.
    authenticateEarly: (request) => {
      authenticateRequest(ctx, request);
    },
  });
}

export function createHqApp(
  ctx: HqContext,
  services: HqServices = hqServices(ctx),
  status: HqStatus = {},
  limits: RequestLimits = DEFAULT_REQUEST_LIMITS,
) {
  let served: readonly InternalRoute[] = [];
  const metrics = status.metrics ?? hqMetrics(ctx);
  const console = hqConsoleSite(ctx);
  const app = new Elysia()
    .use(errorHandling)
    .use(hqRequestLimits(ctx, limits, console))
    .use(openApiRoute({ title: "Ringup head office API", version: pkg.version }, hqRoutes, () => served))
    .use(apiDocs("Ringup head office API"))
    .get("/health", () => ({
      status: "ok",
      mode: "hq",
      version: pkg.version,
      nats: status.nats?.() ?? "disabled",
    }))
    .use(metricsRoute(metrics))
    .use(hqConsole(ctx, console, services.prices))
    .group("/api/v1", (api) =>
      api
        .use(tokensRoutes(ctx))
        .use(storesRoutes(ctx))
        .use(storeTemplatesRoutes(ctx))
        .use(
          deadLettersRoutes(
            ctx,
            status.deadLetters ??
              deadLetterDesk(ctx.sqlite, new EventIngestor(ctx.sqlite, ctx.now), () => undefined),
          ),
        )
        .use(catalogRoutes(ctx, services.prices, services.scheduler))
        .use(usersRoutes(ctx))
        .use(rolesRoutes(ctx))
        .use(reportsRoutes(ctx))
        .use(analyticsRoutes(ctx))
        .use(salesRoutes(ctx))
        .use(stockRoutes(ctx))
        .use(settingsRoutes(ctx))
        .use(purchasingReadRoutes(ctx))
        .use(chainOrderRoutes(ctx))
        .use(customersRoutes(ctx))
        .use(accountsRoutes(ctx))
        .use(promotionsRoutes(ctx))
        .use(ordersRoutes(ctx))
        .use(tendersRoutes(ctx))
        .use(servicesRoutes(ctx))
        .use(webhooksRoutes(ctx))
        .use(accountingRoutes(ctx))
        .use(tenantsRoutes(ctx))
        .use(scalesRoutes(ctx)),
    );
  served = app.routes;
  metrics.routes(served);
  return app;
}

export type HqApp = ReturnType<typeof createHqApp>;
