/** Chain sales reports (scope reports:read): totals per store and for the chain, and breakdowns. */
import { Elysia } from "elysia";
import { productReportQuerySchema, reportQuerySchema } from "../../api/hq/reports.ts";
import { authorize } from "../auth/plugin.ts";
import type { HqContext } from "../context.ts";
import { chainExceptions } from "./exceptions.ts";
import { ChainReportsService } from "./service.ts";

export function reportsRoutes(ctx: HqContext) {
  const reports = new ChainReportsService(ctx);
  return new Elysia({ name: "ringup.hq.reports" })
    .use(authorize(ctx, ["reports:read"], "reading chain reports"))
    .get("/reports/sales", ({ query }) => reports.sales(query), {
      query: reportQuerySchema,
      detail: {
        summary:
          "Sales minus returns over business days from…to (inclusive): the daily report's fields per store and for the chain",
      },
    })
    .get("/reports/sales/by-day", ({ query }) => reports.byDay(query), {
      query: reportQuerySchema,
      detail: { summary: "Sales minus returns per business day" },
    })
    .get("/reports/sales/by-department", ({ query }) => reports.byDepartment(query), {
      query: reportQuerySchema,
      detail: { summary: "Sales minus returns per department" },
    })
    .get(
      "/reports/exceptions",
      ({ query }) => ({ from: query.from, to: query.to, exceptions: chainExceptions(ctx, query) }),
      {
        query: reportQuerySchema,
        detail: {
          summary:
            "Till sales the stores recorded as rung that differ from their catalog (price, tax, unknown or withdrawn products)",
        },
      },
    )
    .get("/reports/sales/by-product", ({ query }) => reports.byProduct(query, query.limit), {
      query: productReportQuerySchema,
      detail: { summary: "Sales minus returns per product, largest net first" },
    });
}
