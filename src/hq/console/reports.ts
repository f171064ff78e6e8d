/**
 * The reports page: the chain's sales per store over a range of business days (the fields of
 * `GET /api/v1/reports/sales`), and the same as CSV or XLSX for a spreadsheet.
 */
import { z } from "zod";
import type { SalesFigures } from "../../api/hq/reports.ts";
import { reportDaySchema } from "../../core/report-figures.ts";
import { pageResponse, requireScopeOf, type View } from "../../shared/web/console.ts";
import { type Cell, csvResponse, toCsv } from "../../shared/web/csv.ts";
import { parseForm } from "../../shared/web/form.ts";
import { money } from "../../shared/web/format.ts";
import { html } from "../../shared/web/html.ts";
import { columnsOfCsv, requireXlsxRows, toXlsx, XLSX_MAX_ROWS, xlsxResponse } from "../../shared/web/xlsx.ts";
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

const PRODUCTS_CSV_HEADER = ["code", "name", "department", "qty", "net_minor", "tax_minor", "total_minor"];

/** A report's money columns in a workbook: amounts in the currency's major unit. */
const moneyIn = (currency: string | null) => (header: string) => ({
  header,
  kind: "money" as const,
  currency,
});
const salesColumns = (currency: string | null) =>
  columnsOfCsv(CSV_HEADER, moneyIn(currency), { sales: "count", returns: "count", voided: "count" });
const productColumns = (currency: string | null) =>
  columnsOfCsv(PRODUCTS_CSV_HEADER, moneyIn(currency), { qty: "milli" });

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
  const salesExport = (view: View) => {
    requireScopeOf(view, ["reports:read"]);
    const { from, to } = range(view);
    const report = reports.sales({ from, to });
    ctx.log(`console: ${view.session.user.name} exported the sales report ${from}…${to}`);
    const rows = [...report.stores.map((s) => csvRow(s.storeId, s.name, s)), csvRow("*", null, report.total)];
    return { from, to, report, rows };
  };
  /** Sales by product: code, name, department, quantity (thousandths) and amounts (minor units). */
  const productsExport = (view: View, limit: number) => {
    requireScopeOf(view, ["reports:read"]);
    const { from, to } = range(view);
    const lines = reports.byProduct({ from, to }, limit).products;
    const currency = reports.sales({ from, to }).total.currency;
    ctx.log(`console: ${view.session.user.name} exported sales by product ${from}…${to}`);
    const rows: Cell[][] = lines.map((l) => [
      l.code,
      l.name,
      l.department,
      l.qtyMilli,
      l.netMinor,
      l.taxMinor,
      l.totalMinor,
    ]);
    return { from, to, rows, currency };
  };
  return {
    page: (view: View) => {
      requireScopeOf(view, ["reports:read"]);
      const { t } = view;
      const { from, to } = range(view);
      const report = reports.sales({ from, to });
      const m = (minor: number) => money(view, minor, report.total.currency);
      const form = html`<form method="get" action="/console/reports" class="inline"><label>${t("common.from")} <input type="date" name="from" value="${from}"></label><label>${t("common.to")} <input type="date" name="to" value="${to}"></label><button type="submit">${t("common.show")}</button></form>
        <p><a id="csv" href="/console/reports/sales.csv?from=${from}&amp;to=${to}">${t("reports.csv")}</a> · <a id="products-csv" href="/console/reports/products.csv?from=${from}&amp;to=${to}">${t("reports.productsCsv")}</a> · <a id="xlsx" href="/console/reports/sales.xlsx?from=${from}&amp;to=${to}">${t("reports.xlsx")}</a> · <a id="products-xlsx" href="/console/reports/products.xlsx?from=${from}&amp;to=${to}">${t("reports.productsXlsx")}</a></p>`;
      const row = (label: string, f: SalesFigures) =>
        html`<tr><td>${label}</td><td class="num">${f.salesCount}</td><td class="num">${f.returnsCount}</td><td class="num">${m(f.netMinor)}</td><td class="num">${m(f.taxMinor)}</td><td class="num">${m(f.totalMinor)}</td></tr>`;
      const table = html`<table id="report"><thead><tr><th>${t("common.store")}</th><th class="num">${t("reports.salesCount")}</th><th class="num">${t("reports.returnsCount")}</th><th class="num">${t("dashboard.net")}</th><th class="num">${t("reports.tax")}</th><th class="num">${t("dashboard.total")}</th></tr></thead><tbody>
        ${report.stores.map((s) => row(`${s.name ?? s.storeId} (${s.storeId})`, s))}
        ${row(t("common.total"), report.total)}
        </tbody></table>`;
      return pageResponse(view, t("reports.title"), html`${form}${table}`);
    },
    csv: (view: View) => {
      const { from, to, rows } = salesExport(view);
      return csvResponse(toCsv([CSV_HEADER, ...rows]), `sales-${from}-${to}.csv`);
    },
    xlsx: async (view: View) => {
      const { from, to, report, rows } = salesExport(view);
      const bytes = await toXlsx("Sales", salesColumns(report.total.currency), rows);
      return xlsxResponse(bytes, `sales-${from}-${to}.xlsx`);
    },
    productsCsv: (view: View) => {
      const { from, to, rows } = productsExport(view, PRODUCTS_CSV_ROWS);
      // Quantities in units, as the CSV has always had them.
      const csvRows = rows.map((row) => row.map((v, i) => (i === 3 && typeof v === "number" ? v / 1000 : v)));
      return csvResponse(toCsv([PRODUCTS_CSV_HEADER, ...csvRows]), `products-${from}-${to}.csv`);
    },
    productsXlsx: async (view: View) => {
      // One more than a workbook holds: a longer report is refused, not cut short.
      const { from, to, rows, currency } = productsExport(view, XLSX_MAX_ROWS + 1);
      requireXlsxRows(rows.length, "sales by product");
      const bytes = await toXlsx("Products", productColumns(currency), rows);
      return xlsxResponse(bytes, `products-${from}-${to}.xlsx`);
    },
  };
}
