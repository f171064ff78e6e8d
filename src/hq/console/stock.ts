/** Stock across sites: each store's on-hand quantity of a product, as head office keeps it. */
import { z } from "zod";
import { pageResponse, requireScopeOf, type View } from "../../shared/web/console.ts";
import { parseForm } from "../../shared/web/form.ts";
import { qty } from "../../shared/web/format.ts";
import { html } from "../../shared/web/html.ts";
import type { HqContext } from "../context.ts";
import { ChainStockService } from "../stock/service.ts";

const querySchema = z.object({ code: z.string().trim().max(32, "must be at most 32 characters").optional() });

export function hqStock(ctx: HqContext) {
  const stock = new ChainStockService(ctx);
  return (view: View) => {
    requireScopeOf(view, ["reports:read"]);
    const { t } = view;
    const { code = "" } = parseForm(querySchema, Object.fromEntries(view.url.searchParams));
    const sites = code === "" ? [] : stock.stock(code).sites;
    const search = html`<form method="get" action="/console/stock" class="inline"><label>${t("stock.code")} <input name="code" value="${code}" maxlength="32" autofocus></label><button type="submit">${t("common.show")}</button></form>`;
    const table = html`<table id="sites"><thead><tr><th>${t("common.store")}</th><th class="num">${t("stock.onHand")}</th></tr></thead><tbody>
      ${sites.length === 0 ? html`<tr><td colspan="2" class="muted">${t("common.none")}</td></tr>` : sites.map((s) => html`<tr><td>${s.storeId}</td><td class="num">${qty(view, s.onHandMilli)}</td></tr>`)}
      </tbody></table>`;
    return pageResponse(view, t("stock.title"), html`${search}${table}`);
  };
}
