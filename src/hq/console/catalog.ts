/**
 * The catalog page: find products by code or name, and set a product's chain price now or
 * from a given time (head office's scheduled price changes). Prices go through the same
 * service as `PUT /api/v1/prices`, so they reach the stores the same way.
 */
import { asc, like, or } from "drizzle-orm";
import { z } from "zod";
import { hqProducts } from "../../../schema/hq.ts";
import { currencyExponent, parseMoneyToMinor } from "../../core/money.ts";
import { productCodeSchema } from "../../core/product-input.ts";
import { type Flash, pageResponse, requireScopeOf, type View } from "../../shared/web/console.ts";
import { parseForm } from "../../shared/web/form.ts";
import { minute, money, moneyField } from "../../shared/web/format.ts";
import { html } from "../../shared/web/html.ts";
import type { PriceService } from "../catalog/prices.ts";
import type { HqContext } from "../context.ts";
import { chainSettings } from "../settings/service.ts";

const SHOWN = 50;

export const catalogQuerySchema = z.object({ q: z.string().trim().max(60).optional() });

const priceFormSchema = z.object({
  code: productCodeSchema,
  price: z
    .string()
    .max(20)
    .regex(/^\d+(\.\d+)?$/, "must be an amount such as 3.49"),
  effectiveAt: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "must be a date and time such as 2026-04-01T00:00")
    .optional(),
});

/** The chain's currency (USD until a store is registered; the first one's when they differ). */
export function chainCurrency(ctx: HqContext): string {
  try {
    return chainSettings(ctx).currency;
  } catch {
    return "USD";
  }
}

export function hqCatalog(ctx: HqContext, prices: PriceService) {
  /** The chain price changes waiting for their time, under the price. */
  const scheduledOf = (view: View, code: string, currency: string) =>
    prices
      .picture(code)
      .scheduled.filter((c) => c.storeId === null && c.priceMinor !== null)
      .map(
        (c) =>
          html`<div class="muted scheduled">→ ${money(view, c.priceMinor ?? 0, currency)} · ${minute(c.effectiveAt)}</div>`,
      );
  const render = (view: View, q: string, flash: Flash = {}, status = 200): Response => {
    const { t } = view;
    const currency = chainCurrency(ctx);
    const pattern = `%${q.replace(/[%_]/g, "")}%`;
    const rows =
      q === ""
        ? []
        : ctx.db
            .select()
            .from(hqProducts)
            .where(or(like(hqProducts.code, pattern), like(hqProducts.name, pattern)))
            .orderBy(asc(hqProducts.code))
            .limit(SHOWN)
            .all();
    const search = html`<form method="get" action="/console/catalog" class="inline"><label>${t("catalog.query")} <input name="q" value="${q}" maxlength="60" autofocus></label><button type="submit">${t("common.search")}</button></form>`;
    const table = html`<table id="products"><thead><tr><th>${t("common.code")}</th><th>${t("common.name")}</th><th class="num">${t("common.price")}</th><th>${t("common.price")} · ${t("catalog.effective")}</th></tr></thead><tbody>
      ${rows.length === 0 ? html`<tr><td colspan="4" class="muted">${t("common.none")}</td></tr>` : rows.map((p) => html`<tr><td>${p.code}</td><td>${p.name}</td><td class="num">${money(view, p.priceMinor, currency)}${scheduledOf(view, p.code, currency)}</td><td><form method="post" action="/console/catalog/price" class="inline"><input type="hidden" name="csrf" value="${view.session.csrf}"><input type="hidden" name="code" value="${p.code}"><input name="price" value="${moneyField(p.priceMinor, currency)}" size="8" inputmode="decimal" aria-label="${t("common.price")}"><input type="datetime-local" name="effectiveAt" aria-label="${t("catalog.effective")}"><button type="submit">${t("common.save")}</button></form></td></tr>`)}
      </tbody></table>`;
    return pageResponse(view, t("catalog.title"), html`${search}${table}`, flash, status);
  };

  return {
    page: (view: View) =>
      render(view, catalogQuerySchema.parse(Object.fromEntries(view.url.searchParams)).q ?? ""),
    setPrice: (view: View, fields: Record<string, string>) => {
      requireScopeOf(view, ["catalog:write"]);
      const form = parseForm(priceFormSchema, fields);
      const currency = chainCurrency(ctx);
      const priceMinor = parseMoneyToMinor(form.price, currencyExponent(currency));
      const result = prices.set({
        code: form.code,
        priceMinor,
        ...(form.effectiveAt ? { effectiveAt: `${form.effectiveAt}:00Z` } : {}),
      });
      ctx.log(
        `console: ${view.session.user.name} set the price of ${form.code} to ${priceMinor} (${result.status}, from ${result.effectiveAt})`,
      );
      const price = money(view, priceMinor, currency);
      const notice =
        result.status === "applied"
          ? view.t("catalog.saved", { code: form.code, price })
          : view.t("catalog.scheduled", { code: form.code, price, at: minute(result.effectiveAt) });
      return render(view, form.code, { notice });
    },
    /** The page again with a form's error (its code kept in the search box). */
    failed: (view: View, flash: Flash, status: number, fields: Record<string, string> = {}) =>
      render(view, fields.code ?? "", flash, status),
  };
}
