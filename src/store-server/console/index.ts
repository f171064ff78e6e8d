/**
 * A single shop's web console at the store's `GET /`: the same console as head office's,
 * scoped to the store's own data: today's sales, its catalog (read only: prices come from head
 * office or `ringup admin`), its stock, its purchase orders and its shelf labels (printed). Signing in takes the store's
 * admin token or a manager's session token.
 */
import { Elysia } from "elysia";
import { businessDay } from "../../core/business-day.ts";
import { log } from "../../shared/log.ts";
import { barChart, columnChart } from "../../shared/web/charts.ts";
import {
  type ConsoleSite,
  consoleFormGate,
  consoleFrame,
  guardForm,
  guardPage,
  pageResponse,
  type View,
} from "../../shared/web/console.ts";
import { ConsoleError } from "../../shared/web/errors.ts";
import { money } from "../../shared/web/format.ts";
import { html } from "../../shared/web/html.ts";
import { ConsoleSessions } from "../../shared/web/session.ts";
import { authenticate, ROLE_RANK, type Role } from "../auth/tokens.ts";
import type { StoreContext } from "../context.ts";
import { ReportsService } from "../reports/service.ts";
import { storeLabelsPage } from "./labels.ts";
import { storeCatalogPage, storeOrdersPage, storeStockPage } from "./pages.ts";

const DAY_MS = 86_400_000;

export function storeConsoleSite(ctx: StoreContext): ConsoleSite {
  return {
    brand: (t) =>
      t("app.store", {
        store: ctx.settings.storeName ? `${ctx.settings.storeName} (${ctx.storeId})` : ctx.storeId,
      }),
    nav: [
      { path: "/", key: "nav.dashboard" },
      { path: "/console/catalog", key: "nav.catalog" },
      { path: "/console/stock", key: "nav.stock" },
      { path: "/console/purchase-orders", key: "nav.orders" },
      { path: "/console/labels", key: "nav.labels" },
    ],
    sessions: new ConsoleSessions((token) => {
      const principal = authenticate(ctx, `Bearer ${token}`);
      return { name: principal.userId ?? principal.kind, scopes: [principal.role] };
    }),
    allowed: (user) => {
      const role = user.scopes[0] as Role | undefined;
      if (role === undefined || ROLE_RANK[role] < ROLE_RANK.manager) {
        throw new ConsoleError("SCOPE", "the console needs the store's admin token or a manager's session");
      }
    },
    log: (line) => log().info(line),
  };
}

export function storeConsoleForms(site: ConsoleSite) {
  return { prefix: "/console/", authenticate: consoleFormGate(site.sessions) };
}

function dashboard(ctx: StoreContext) {
  const reports = new ReportsService(ctx);
  return (view: View): Response => {
    const { t } = view;
    const now = ctx.now();
    const today = businessDay(now, ctx.settings.timeZone);
    const lastWeek = businessDay(new Date(now.getTime() - 7 * DAY_MS), ctx.settings.timeZone);
    const current = reports.daily(today);
    const before = reports.daily(lastWeek);
    const m = (minor: number) => money(view, minor, current.currency);
    const card = (id: string, title: string, r: typeof current) =>
      html`<div class="card" id="${id}"><div>${title}</div><div class="big">${m(r.totalMinor)}</div><div class="muted">${t("dashboard.sales")}: ${r.salesCount} · ${t("dashboard.net")}: ${m(r.netMinor)}</div></div>`;
    const hours = reports.byHour(today).hours;
    const departments = reports.byDepartment(today).departments;
    const body = html`<div class="cards">${card("today", t("dashboard.today", { day: today }), current)}${card("last-week", t("dashboard.lastWeek", { day: lastWeek }), before)}</div>
      <h2>${t("dashboard.byHour", { zone: ctx.settings.timeZone })}</h2>
      <div id="by-hour">${columnChart(hours.map((h) => ({ label: String(h.hour).padStart(2, "0"), value: h.totalMinor, text: `${m(h.totalMinor)} (${h.salesCount})` })))}</div>
      <h2>${t("dashboard.byDepartment")}</h2>
      <div id="by-department">${barChart(departments.map((d) => ({ label: d.name ?? d.department ?? "—", value: d.netMinor, text: m(d.netMinor) })))}</div>`;
    return pageResponse(view, t("dashboard.title"), body);
  };
}

export function storeConsole(ctx: StoreContext, site: ConsoleSite) {
  const labels = storeLabelsPage(ctx);
  return new Elysia({ name: "ringup.store.console" })
    .use(consoleFrame(site))
    .get("/", guardPage(site, dashboard(ctx)))
    .get("/console/catalog", guardPage(site, storeCatalogPage(ctx)))
    .get("/console/stock", guardPage(site, storeStockPage(ctx)))
    .get("/console/purchase-orders", guardPage(site, storeOrdersPage(ctx)))
    .get("/console/labels", guardPage(site, labels.page))
    .post("/console/labels", guardForm(site, labels.print, labels.failed));
}
