/**
 * The promotions page: the promotions in force, and a form for a simple one (percent or amount
 * off the order, optionally between two dates). It goes through the same service as
 * `POST /api/v1/promotions`: checked by the one promotion schema and sent to every store.
 */
import { z } from "zod";
import { currencyExponent, parseMoneyToMinor } from "../../core/money.ts";
import { type Promotion, promotionSchema } from "../../core/promotions/schema.ts";
import { type Flash, pageResponse, requireScopeOf, type View } from "../../shared/web/console.ts";
import { ConsoleError } from "../../shared/web/errors.ts";
import { parseForm } from "../../shared/web/form.ts";
import { money } from "../../shared/web/format.ts";
import { html } from "../../shared/web/html.ts";
import type { HqContext } from "../context.ts";
import { HqPromotionsService } from "../promotions/service.ts";
import { chainCurrency } from "./catalog.ts";

const promotionFormSchema = z.object({
  id: z.string().max(40),
  name: z.string().max(60),
  kind: z.enum(["percent", "amount"]),
  value: z
    .string()
    .max(20)
    .regex(/^\d+(\.\d+)?$/, "must be a number such as 10 or 2.50"),
  validFrom: z.iso.date({ error: "must be a date such as 2026-03-02" }).optional(),
  validTo: z.iso.date({ error: "must be a date such as 2026-03-02" }).optional(),
});

/** The promotion the form describes, checked by the promotion schema (errors name the field). */
function promotionOf(form: z.infer<typeof promotionFormSchema>, currency: string): Promotion {
  const reward =
    form.kind === "percent"
      ? { kind: "percent" as const, percent: Number(form.value), on: "order" as const }
      : {
          kind: "amount" as const,
          amountMinor: parseMoneyToMinor(form.value, currencyExponent(currency)),
          on: "order" as const,
        };
  const parsed = promotionSchema.safeParse({
    id: form.id,
    name: form.name,
    ...(form.validFrom ? { validFrom: form.validFrom } : {}),
    ...(form.validTo ? { validTo: form.validTo } : {}),
    reward,
  });
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "form"}: ${i.message}`);
  throw new ConsoleError("INVALID_FORM", problems.join("; "));
}

export function hqPromotions(ctx: HqContext) {
  const service = new HqPromotionsService(ctx);
  const render = (
    view: View,
    flash: Flash = {},
    status = 200,
    fields: Record<string, string> = {},
  ): Response => {
    const { t } = view;
    const currency = chainCurrency(ctx);
    const list = service.list(false);
    const rewardText = (p: Promotion): string =>
      p.reward.kind === "amount" && p.reward.amountMinor !== undefined
        ? money(view, p.reward.amountMinor, currency)
        : p.reward.percent !== undefined
          ? `${p.reward.percent} %`
          : p.reward.kind;
    const table = html`<table id="promotions"><thead><tr><th>${t("promotions.id")}</th><th>${t("common.name")}</th><th>${t("promotions.kind")}</th><th>${t("promotions.validFrom")}</th><th>${t("promotions.validTo")}</th></tr></thead><tbody>
      ${list.length === 0 ? html`<tr><td colspan="5" class="muted">${t("common.none")}</td></tr>` : list.map((p) => html`<tr><td>${p.id}</td><td>${p.name}</td><td>${p.reward.kind}: ${rewardText(p)}</td><td>${p.validFrom ?? "—"}</td><td>${p.validTo ?? "—"}</td></tr>`)}
      </tbody></table>`;
    const kind = fields.kind === "amount" ? "amount" : "percent";
    const form = html`<h2>${t("promotions.new")}</h2>
      <form method="post" action="/console/promotions" class="stack" id="new-promotion"><input type="hidden" name="csrf" value="${view.session.csrf}">
      <label>${t("promotions.id")}<input name="id" required maxlength="40" value="${fields.id ?? ""}"></label>
      <label>${t("common.name")}<input name="name" required maxlength="60" value="${fields.name ?? ""}"></label>
      <label>${t("promotions.kind")}<select name="kind"><option value="percent" ${kind === "percent" ? html`selected` : ""}>${t("promotions.percent")}</option><option value="amount" ${kind === "amount" ? html`selected` : ""}>${t("promotions.amount")}</option></select></label>
      <label>${t("promotions.value")}<input name="value" required maxlength="20" inputmode="decimal" value="${fields.value ?? ""}"></label>
      <label>${t("promotions.validFrom")}<input type="date" name="validFrom" value="${fields.validFrom ?? ""}"></label>
      <label>${t("promotions.validTo")}<input type="date" name="validTo" value="${fields.validTo ?? ""}"></label>
      <button type="submit">${t("common.save")}</button></form>`;
    return pageResponse(view, t("promotions.title"), html`${table}${form}`, flash, status);
  };
  return {
    page: (view: View) => render(view),
    create: (view: View, fields: Record<string, string>) => {
      requireScopeOf(view, ["catalog:write"]);
      const promotion = promotionOf(parseForm(promotionFormSchema, fields), chainCurrency(ctx));
      const saved = service.define(promotion);
      ctx.log(`console: ${view.session.user.name} defined promotion ${saved.id}`);
      return render(view, { notice: view.t("promotions.saved", { id: saved.id }) });
    },
    failed: (view: View, flash: Flash, status: number, fields: Record<string, string>) =>
      render(view, flash, status, fields),
  };
}
