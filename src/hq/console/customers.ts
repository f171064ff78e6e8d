/** The customers page: search by name, phone, e-mail or card, and one customer's record. */
import { z } from "zod";
import { customerIdSchema } from "../../api/hq/customers.ts";
import { pageResponse, requireScopeOf, type View } from "../../shared/web/console.ts";
import { parseForm } from "../../shared/web/form.ts";
import { html } from "../../shared/web/html.ts";
import type { HqContext } from "../context.ts";
import { CustomersService } from "../customers/service.ts";

const searchSchema = z.object({ q: z.string().trim().max(120).optional() });
const READ_SCOPES = ["reports:read", "customers:write"];

export function hqCustomers(ctx: HqContext) {
  const customers = new CustomersService(ctx);
  return {
    page: (view: View) => {
      requireScopeOf(view, READ_SCOPES);
      const { t } = view;
      const { q = "" } = parseForm(searchSchema, Object.fromEntries(view.url.searchParams));
      const found = q === "" ? [] : customers.search({ q, limit: 50 }).customers;
      const search = html`<form method="get" action="/console/customers" class="inline"><label>${t("customers.query")} <input name="q" value="${q}" maxlength="120" autofocus></label><button type="submit">${t("common.search")}</button></form>`;
      const table = html`<table id="customers"><thead><tr><th>${t("common.name")}</th><th>${t("customers.phone")}</th><th>${t("customers.email")}</th></tr></thead><tbody>
        ${found.length === 0 ? html`<tr><td colspan="3" class="muted">${t("common.none")}</td></tr>` : found.map((c) => html`<tr><td><a href="/console/customers/${encodeURIComponent(c.id)}">${c.name}</a></td><td>${c.phone ?? "—"}</td><td>${c.email ?? "—"}</td></tr>`)}
        </tbody></table>`;
      return pageResponse(view, t("customers.title"), html`${search}${table}`);
    },
    one: (view: View, id: string) => {
      requireScopeOf(view, READ_SCOPES);
      const { t } = view;
      const c = customers.get(parseForm(z.object({ id: customerIdSchema }), { id }).id);
      const rows: [string, string][] = [
        [t("common.name"), c.name],
        [t("customers.phone"), c.phone ?? "—"],
        [t("customers.email"), c.email ?? "—"],
        [t("customers.groups"), c.groups.join(", ") || "—"],
        [t("customers.cards"), c.cards.join(", ") || "—"],
      ];
      const table = html`<table id="customer">${rows.map(([k, v]) => html`<tr><th>${k}</th><td>${v}</td></tr>`)}</table>`;
      return pageResponse(view, c.name, table);
    },
  };
}
