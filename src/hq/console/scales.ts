/** The dashboard's label scales: every store's, as its store last reported them. */
import type { View } from "../../shared/web/console.ts";
import { minute } from "../../shared/web/format.ts";
import { html } from "../../shared/web/html.ts";
import type { HqContext } from "../context.ts";
import { chainScales } from "../scales/service.ts";

export function scalesSection(ctx: HqContext, view: View) {
  const { t } = view;
  const scales = chainScales(ctx);
  return html`<h2>${t("dashboard.scales")}</h2>
    <table id="scales"><thead><tr><th>${t("common.store")}</th><th>${t("dashboard.scale")}</th><th>${t("common.status")}</th><th class="num">${t("dashboard.programmed")}</th><th>${t("dashboard.lastSync")}</th><th>${t("dashboard.scaleError")}</th></tr></thead><tbody>
    ${
      scales.length === 0
        ? html`<tr><td colspan="6" class="muted">${t("common.none")}</td></tr>`
        : scales.map(
            (s) =>
              html`<tr><td>${s.storeId}</td><td>${s.id}</td><td>${s.reachable ? (s.state ?? "") : t("dashboard.scaleSilent")}</td><td class="num">${s.plusSent}/${s.plusTotal} ${t(`dashboard.programming.${s.programming}`)}</td><td>${minute(s.lastSyncAt)}</td><td>${s.error?.code ?? ""}</td></tr>`,
          )
    }
    </tbody></table>`;
}
