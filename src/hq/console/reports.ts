/**
 * The reports page: the chain's sales per store over a range of business days (the fields of
 * `GET /api/v1/reports/sales`), and the same as CSV for a spreadsheet.
 */
import { z } from "zod";
import type { SalesFigures } from "../../api/hq/reports.ts";
import { reportDaySchema } from "../../core/report-figures.ts";
import { pageResponse, requireScopeOf, type View } from "../../shared/web/console.ts";
import { type Cell, csvResponse, toCsv } from "../../shared/web/csv.ts";
import { parseForm } from "../../shared/web/form.ts";
import { money } from "../../shared/web/format.ts";
import { html } from "../../shared/web/html.ts";
import type { HqContext } from "../context.ts";
import { ChainReportsService } from "../reports/service.ts";

const rangeSchema = z.object({ from: reportDaySchema.optional(), to: reportDaySchema.optional() });
const WEEK_MS = 6 * 86_400_000;
/** The most products one CSV export holds (the report's own limit). */
const PRODUCTS_CSV_ROWS = 10_000;

const CSV_HEADER = [
  "store",
  "name",
  "sales",
  "returns",
  "voided",
  "gross_minor",
  "discount_minor",
  "net_minor",
  "tax_minor",
  "total_minor",
  "currency",
];

function csvRow(storeId: string, name: string | null, f: SalesFigures): Cell[] {
  return [
    storeId,
    name,
    f.salesCount,
    f.returnsCount,
    f.voidedCount,
    f.grossMinor,
    f.discountMinor,
    f.netMinor,
    f.taxMinor,
    f.totalMinor,
    f.currency,
  ];
}

export function hqReports(ctx: HqContext) {
  const reports = new ChainReportsService(ctx);
  const range = (view: View) => {
    const given = parseForm(rangeSchema, Object.fromEntries(view.url.searchParams));
    const now = ctx.now();
    return {
      from: given.from ?? new Date(now.getTime() - WEEK_MS).toISOString().slice(0, 10),
      to: given.to ?? now.toISOString().slice(0, 10),
    };
  };
  return {
    page: (view: View) => {
      requireScopeOf(view, ["reports:read"]);
      const { t } = view;
      const { from, to } = range(view);
      const report = reports.sales({ from, to });
      const m = (minor: number) => money(view, minor, report.total.currency);
      const form = html`<form method="get" action="/console/reports" class="inline"><label>${t("common.from")} <input type="date" name="from" value="${from}"></label><label>${t("common.to")} <input type="date" name="to" value="${to}"></label><button type="submit">${t("common.show")}</button></form>
        <p><a id="csv" href="/console/reports/sales.csv?from=${from}&amp;to=${to}">${t("reports.csv")}</a> · <a id="products-csv" href="/console/reports/products.csv?from=${from}&amp;to=${to}">${t("reports.productsCsv")}</a></p>`;
      const row = (label: string, f: SalesFigures) =>
        html`<tr><td>${label}</td><td class="num">${f.salesCount}</td><td class="num">${f.returnsCount}</td><td class="num">${m(f.netMinor)}</td><td class="num">${m(f.taxMinor)}</td><td class="num">${m(f.totalMinor)}</td></tr>`;
      const table = html`<table id="report"><thead><tr><th>${t("common.store")}</th><th class="num">${t("reports.salesCount")}</th><th class="num">${t("reports.returnsCount")}</th><th class="num">${t("dashboard.net")}</th><th class="num">${t("reports.tax")}</th><th class="num">${t("dashboard.total")}</th></tr></thead><tbody>
        ${report.stores.map((s) => row(`${s.name ?? s.storeId} (${s.storeId})`, s))}
        ${row(t("common.total"), report.total)}
        </tbody></table>`;
      return pageResponse(view, t("reports.title"), html`${form}${table}`);
    },
    csv: (view: View) => {
      requireScopeOf(view, ["reports:read"]);
      const { from, to } = range(view);
      const report = reports.sales({ from, to });
      ctx.log(`console: ${view.session.user.name} exported the sales report ${from}…${to}`);
      const rows = [
        CSV_HEADER,
        ...report.stores.map((s) => csvRow(s.storeId, s.name, s)),
        csvRow("*", null, report.total),
      ];
      return csvResponse(toCsv(rows), `sales-${from}-${to}.csv`);
    },
    productsCsv: (view: View) => {
      requireScopeOf(view, ["reports:read"]);
      const { from, to } = range(view);
      const lines = reports.byProduct({ from, to }, PRODUCTS_CSV_ROWS).products;
      ctx.log(`console: ${view.session.user.name} exported sales by product ${from}…${to}`);
      const rows: Cell[][] = [
        ["code", "name", "department", "qty", "net_minor", "tax_minor", "total_minor"],
        ...lines.map((l) => [
          l.code,
          l.name,
          l.department,
          l.qtyMilli / 1000,
          l.netMinor,
          l.taxMinor,
          l.totalMinor,
        ]),
      ];
      return csvResponse(toCsv(rows), `products-${from}-${to}.csv`);
    },
  };
}
