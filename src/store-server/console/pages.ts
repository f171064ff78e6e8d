/** The store console's read-only pages: its catalog, its stock of a product, its purchase orders. */
import { z } from "zod";
import { pageResponse, type View } from "../../shared/web/console.ts";
import { parseForm } from "../../shared/web/form.ts";
import { minute, money, qty } from "../../shared/web/format.ts";
import { html } from "../../shared/web/html.ts";
import { CatalogService } from "../catalog/service.ts";
import type { StoreContext } from "../context.ts";
import { PurchaseOrderService } from "../purchasing/orders.ts";
import { StockService } from "../stock/service.ts";

const catalogQuery = z.object({ q: z.string().trim().max(60).optional() });
const stockQuery = z.object({ code: z.string().trim().max(32, "must be at most 32 characters").optional() });

export function storeCatalogPage(ctx: StoreContext) {
  const catalog = new CatalogService(ctx);
  return (view: View) => {
    const { t } = view;
    const { q = "" } = parseForm(catalogQuery, Object.fromEntries(view.url.searchParams));
    const found = q === "" ? [] : catalog.search(q, 50);
    const byCode = q === "" ? null : catalog.get(q);
    const rows = byCode && !found.some((p) => p.code === byCode.code) ? [byCode, ...found] : found;
    const search = html`<p class="muted">${t("catalog.readOnly")}</p><form method="get" action="/console/catalog" class="inline"><label>${t("catalog.query")} <input name="q" value="${q}" maxlength="60" autofocus></label><button type="submit">${t("common.search")}</button></form>`;
    const table = html`<table id="products"><thead><tr><th>${t("common.code")}</th><th>${t("common.name")}</th><th class="num">${t("common.price")}</th></tr></thead><tbody>
      ${rows.length === 0 ? html`<tr><td colspan="3" class="muted">${t("common.none")}</td></tr>` : rows.map((p) => html`<tr><td>${p.code}</td><td>${p.name}</td><td class="num">${money(view, p.priceMinor, ctx.settings.currency)}</td></tr>`)}
      </tbody></table>`;
    return pageResponse(view, t("catalog.title"), html`${search}${table}`);
  };
}

export function storeStockPage(ctx: StoreContext) {
  const stock = new StockService(ctx);
  return (view: View) => {
    const { t } = view;
    const { code = "" } = parseForm(stockQuery, Object.fromEntries(view.url.searchParams));
    const level = code === "" ? null : stock.level(code, 0);
    const search = html`<form method="get" action="/console/stock" class="inline"><label>${t("stock.code")} <input name="code" value="${code}" maxlength="32" autofocus></label><button type="submit">${t("common.show")}</button></form>`;
    const table = html`<table id="sites"><thead><tr><th>${t("common.code")}</th><th>${t("common.name")}</th><th class="num">${t("stock.onHand")}</th></tr></thead><tbody>
      ${level === null ? html`<tr><td colspan="3" class="muted">${t("common.none")}</td></tr>` : html`<tr><td>${level.code}</td><td>${level.name ?? "—"}</td><td class="num">${qty(view, level.onHandMilli)}</td></tr>`}
      </tbody></table>`;
    return pageResponse(view, t("nav.stock"), html`${search}${table}`);
  };
}

export function storeOrdersPage(ctx: StoreContext) {
  const orders = new PurchaseOrderService(ctx);
  return (view: View) => {
    const { t } = view;
    const list = orders.list({ limit: 200 });
    const table = html`<table id="orders"><thead><tr><th>${t("orders.number")}</th><th>${t("orders.vendor")}</th><th>${t("common.status")}</th><th>${t("orders.created")}</th><th class="num">${t("common.total")}</th></tr></thead><tbody>
      ${list.length === 0 ? html`<tr><td colspan="5" class="muted">${t("common.none")}</td></tr>` : list.map((o) => html`<tr><td>${o.number}</td><td>${o.vendorId}</td><td>${o.status}</td><td>${minute(o.createdAt)}</td><td class="num">${money(view, o.totalMinor, ctx.settings.currency)}</td></tr>`)}
      </tbody></table>`;
    return pageResponse(view, t("orders.title"), table);
  };
}
