import { Elysia } from "elysia";
import { expiryQuerySchema } from "../../api/store/expiry-report.ts";
import { lossPreventionQuerySchema } from "../../api/store/loss-prevention.ts";
import { dayQuerySchema, rangeQuerySchema } from "../../api/store/reports.ts";
import type { StoreContext } from "../context.ts";
import { requireAuth } from "../http/auth-plugin.ts";
import { expiryReport } from "./expiry.ts";
import { lossPreventionReport } from "./loss-prevention.ts";
import { ReportsService } from "./service.ts";

/** Sales reports for managers: `/reports/daily`, by hour, department, cashier and tender. */
export function reportsRoutes(ctx: StoreContext) {
  const reports = new ReportsService(ctx);
  return new Elysia({ name: "ringup.store.reports" })
    .use(requireAuth(ctx))
    .get("/reports/daily", ({ query }) => reports.daily(query.date), {
      query: dayQuerySchema,
      detail: {
        summary: "The day's sales, returns, tax and tenders (sales minus returns, voids left out)",
      },
    })
    .get("/reports/by-hour", ({ query }) => reports.byHour(query.date), {
      query: dayQuerySchema,
      detail: { summary: "A day's sales by hour of the day in the store's time zone" },
    })
    .get("/reports/by-department", ({ query }) => reports.byDepartment(query.date), {
      query: dayQuerySchema,
      detail: { summary: "A day's sales by department" },
    })
    .get("/reports/by-cashier", ({ query }) => reports.byCashier(query.date), {
      query: dayQuerySchema,
      detail: { summary: "A day's sales, voids and returns by cashier" },
    })
    .get("/reports/by-tender", ({ query }) => reports.byTender(query.from, query.to), {
      query: rangeQuerySchema,
      detail: { summary: "Money taken per tender type over a range of days (inclusive)" },
    })
    .get("/reports/loss-prevention", ({ query }) => lossPreventionReport(ctx, query.from, query.to), {
      query: lossPreventionQuerySchema,
      detail: {
        summary:
          "By cashier: voids, cancelled sales, no-sales, returns without receipt, price overrides, discounts, against the store's rate; outliers first",
      },
    })
    .get("/reports/expiry", ({ query }) => expiryReport(ctx, query.days), {
      query: expiryQuerySchema,
      detail: { summary: "Lots on hand expiring within N days (past ones included), soonest first" },
    });
}
