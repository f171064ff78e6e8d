/**
 * Head office's dashboard: today against the same weekday last week, by store, by hour, the
 * top products and the day's margin, each store's replication lag and dead letters, and the
 * stores' label scales.
 */

import { barChart, columnChart } from "../../shared/web/charts.ts";
import { pageResponse, type View } from "../../shared/web/console.ts";
import { minute, money, qty } from "../../shared/web/format.ts";
import { html } from "../../shared/web/html.ts";
import type { HqContext } from "../context.ts";
import { marginOf, salesByHour } from "../reports/dashboard.ts";
import { ChainReportsService } from "../reports/service.ts";
import { StoresService } from "../stores/service.ts";
import { scalesSection } from "./scales.ts";

const DAY_MS = 86_400_000;

function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function hqDashboard(ctx: HqContext) {
  const reports = new ChainReportsService(ctx);
  const stores = new StoresService(ctx);
  return (view: View): Response => {
    const { t } = view;
    const now = ctx.now();
    const today = dayOf(now);
    const lastWeek = dayOf(new Date(now.getTime() - 7 * DAY_MS));
    const current = reports.sales({ from: today, to: today });
    const before = reports.sales({ from: lastWeek, to: lastWeek });
    const currency = current.total.currency ?? before.total.currency;
    const m = (minor: number) => money(view, minor, currency);
    const beforeOf = new Map(before.stores.map((s) => [s.storeId, s]));
    const registry = stores.list();
    const nameOf = new Map(registry.map((s) => [s.storeId, s.name ?? s.storeId]));
    const storeIds = [
      ...new Set([...registry.map((s) => s.storeId), ...current.stores.map((s) => s.storeId)]),
    ];
    const nowOf = new Map(current.stores.map((s) => [s.storeId, s]));
    const hours = salesByHour(ctx, today, null);
    const top = reports.byProduct({ from: today, to: today }, 10_000).products;
    const margin = marginOf(ctx, top);

    const cards = html`<div class="cards">
      <div class="card" id="today"><div>${t("dashboard.today", { day: today })}</div><div class="big">${m(current.total.totalMinor)}</div><div class="muted">${t("dashboard.sales")}: ${current.total.salesCount} · ${t("dashboard.net")}: ${m(current.total.netMinor)}</div></div>
      <div class="card" id="last-week"><div>${t("dashboard.lastWeek", { day: lastWeek })}</div><div class="big">${m(before.total.totalMinor)}</div><div class="muted">${t("dashboard.sales")}: ${before.total.salesCount} · ${t("dashboard.net")}: ${m(before.total.netMinor)}</div></div>
      <div class="card" id="margin"><div>${t("dashboard.margin")}</div><div class="big">${m(margin.marginMinor)}</div><div class="muted">${t("dashboard.marginNote", { known: margin.costedProducts, all: margin.products })}</div></div>
    </div>`;

    const byStore = html`<h2>${t("dashboard.byStore")}</h2>
      <table id="by-store"><thead><tr><th>${t("common.store")}</th><th class="num">${t("dashboard.sales")}</th><th class="num">${t("dashboard.total")}</th><th class="num">${t("dashboard.lastWeek", { day: lastWeek })}</th></tr></thead><tbody>
      ${storeIds.map((id) => {
        const s = nowOf.get(id);
        const b = beforeOf.get(id);
        return html`<tr><td>${nameOf.get(id) ?? id} (${id})</td><td class="num">${s?.salesCount ?? 0}</td><td class="num">${m(s?.totalMinor ?? 0)}</td><td class="num">${m(b?.totalMinor ?? 0)}</td></tr>`;
      })}
      </tbody></table>
      ${barChart(storeIds.map((id) => ({ label: nameOf.get(id) ?? id, value: nowOf.get(id)?.totalMinor ?? 0, text: m(nowOf.get(id)?.totalMinor ?? 0) })))}`;

    const byHour = html`<h2>${t("dashboard.byHour", { zone: "UTC" })}</h2><div id="by-hour">${columnChart(
      hours.map((h) => ({
        label: String(h.hour).padStart(2, "0"),
        value: h.totalMinor,
        text: `${m(h.totalMinor)} (${h.salesCount})`,
      })),
    )}</div>`;

    const topTen = top.slice(0, 10);
    const topProducts = html`<h2>${t("dashboard.top")}</h2>
      <table id="top-products"><thead><tr><th>${t("common.code")}</th><th>${t("common.name")}</th><th class="num">${t("common.qty")}</th><th class="num">${t("dashboard.net")}</th></tr></thead><tbody>
      ${topTen.length === 0 ? html`<tr><td colspan="4" class="muted">${t("common.none")}</td></tr>` : topTen.map((p) => html`<tr><td>${p.code}</td><td>${p.name}</td><td class="num">${qty(view, p.qtyMilli)}</td><td class="num">${m(p.netMinor)}</td></tr>`)}
      </tbody></table>`;

    const replication = html`<h2>${t("dashboard.replication")}</h2>
      <table id="replication"><thead><tr><th>${t("common.store")}</th><th class="num">${t("dashboard.lag")}</th><th class="num">${t("dashboard.deadLetters")}</th><th>${t("dashboard.lastEvent")}</th></tr></thead><tbody>
      ${registry.map((s) => html`<tr><td>${s.storeId}</td><td class="num">${s.lagSeconds}</td><td class="num">${s.deadLetters}</td><td>${minute(s.lastEventAt)}</td></tr>`)}
      </tbody></table>`;

    return pageResponse(
      view,
      t("dashboard.title"),
      html`${cards}${byStore}${byHour}${topProducts}${replication}${scalesSection(ctx, view)}`,
    );
  };
}
