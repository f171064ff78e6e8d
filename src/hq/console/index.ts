/**
 * Head office's web console at `GET /`: sign in with an API token (reports:read or admin),
 * then the dashboard, catalog and prices, promotions, customers, stock across sites, purchase
 * orders and reports. Pages call head office's services directly (never HTTP to itself).
 */
import { Elysia } from "elysia";
import {
  type ConsoleSite,
  consoleFormGate,
  consoleFrame,
  guardForm,
  guardPage,
} from "../../shared/web/console.ts";
import { ConsoleError } from "../../shared/web/errors.ts";
import { ConsoleSessions } from "../../shared/web/session.ts";
import { authenticate } from "../auth/tokens.ts";
import type { PriceService } from "../catalog/prices.ts";
import type { HqContext } from "../context.ts";
import { hqCatalog } from "./catalog.ts";
import { hqCustomers } from "./customers.ts";
import { hqDashboard } from "./dashboard.ts";
import { hqOrders } from "./orders.ts";
import { hqPromotions } from "./promotions.ts";
import { hqReports } from "./reports.ts";
import { hqStock } from "./stock.ts";

/** The console's site: its sessions (checked by head office's own token check) and menu. */
export function hqConsoleSite(ctx: HqContext): ConsoleSite {
  return {
    brand: (t) => t("app.hq"),
    nav: [
      { path: "/", key: "nav.dashboard" },
      { path: "/console/catalog", key: "nav.catalog" },
      { path: "/console/promotions", key: "nav.promotions" },
      { path: "/console/customers", key: "nav.customers" },
      { path: "/console/stock", key: "nav.stock" },
      { path: "/console/purchase-orders", key: "nav.orders" },
      { path: "/console/reports", key: "nav.reports" },
    ],
    sessions: new ConsoleSessions((token) => authenticate(ctx.db, `Bearer ${token}`, ctx.now())),
    allowed: (user) => {
      if (!user.scopes.includes("admin") && !user.scopes.includes("reports:read")) {
        throw new ConsoleError("SCOPE", "the console needs a token with the reports:read (or admin) scope");
      }
    },
    log: ctx.log,
  };
}

/** What the request limits need to let the console's forms in (and nothing else). */
export function consoleForms(site: ConsoleSite) {
  return { prefix: "/console/", authenticate: consoleFormGate(site.sessions) };
}

export function hqConsole(ctx: HqContext, site: ConsoleSite, prices: PriceService) {
  const catalog = hqCatalog(ctx, prices);
  const promotions = hqPromotions(ctx);
  const customers = hqCustomers(ctx);
  const reports = hqReports(ctx);
  return new Elysia({ name: "ringup.hq.console" })
    .use(consoleFrame(site))
    .get("/", guardPage(site, hqDashboard(ctx)))
    .get("/console/catalog", guardPage(site, catalog.page))
    .post("/console/catalog/price", guardForm(site, catalog.setPrice, catalog.failed))
    .get("/console/promotions", guardPage(site, promotions.page))
    .post("/console/promotions", guardForm(site, promotions.create, promotions.failed))
    .get("/console/customers", guardPage(site, customers.page))
    .get("/console/customers/:id", ({ request, params }) =>
      guardPage(site, (view) => customers.one(view, params.id))({ request }),
    )
    .get("/console/stock", guardPage(site, hqStock(ctx)))
    .get("/console/purchase-orders", guardPage(site, hqOrders(ctx)))
    .get("/console/reports", guardPage(site, reports.page))
    .get("/console/reports/sales.csv", guardPage(site, reports.csv))
    .get("/console/reports/products.csv", guardPage(site, reports.productsCsv))
    .get("/console/reports/sales.xlsx", guardPage(site, reports.xlsx))
    .get("/console/reports/products.xlsx", guardPage(site, reports.productsXlsx));
}
