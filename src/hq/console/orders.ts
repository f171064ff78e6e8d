/** Purchase orders of every store, as replicated to head office. */

import { pageResponse, requireScopeOf, type View } from "../../shared/web/console.ts";
import { minute, money } from "../../shared/web/format.ts";
import { html } from "../../shared/web/html.ts";
import type { HqContext } from "../context.ts";
import { HqPurchasingService } from "../purchasing/service.ts";
import { chainCurrency } from "./catalog.ts";

export function hqOrders(ctx: HqContext) {
  const purchasing = new HqPurchasingService(ctx);
  return (view: View) => {
    requireScopeOf(view, ["reports:read"]);
    const { t } = view;
    const currency = chainCurrency(ctx);
    const orders = purchasing.orders({}).orders;
    const table = html`<table id="orders"><thead><tr><th>${t("common.store")}</th><th>${t("orders.number")}</th><th>${t("orders.vendor")}</th><th>${t("common.status")}</th><th>${t("orders.created")}</th><th class="num">${t("common.total")}</th></tr></thead><tbody>
      ${orders.length === 0 ? html`<tr><td colspan="6" class="muted">${t("common.none")}</td></tr>` : orders.map((o) => html`<tr><td>${o.storeId}</td><td>${o.number}</td><td>${o.vendorId}</td><td>${o.status}</td><td>${minute(o.createdAt)}</td><td class="num">${money(view, o.totalMinor, currency)}</td></tr>`)}
      </tbody></table>`;
    return pageResponse(view, t("orders.title"), table);
  };
}
