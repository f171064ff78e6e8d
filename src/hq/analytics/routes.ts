/** Chain analytics (scope reports:read), answered from the summary tables ingest keeps. */
import { Elysia } from "elysia";
import {
  chainCashierQuerySchema,
  chainCategoryQuerySchema,
  chainDepartmentQuerySchema,
  chainProductQuerySchema,
  chainQuerySchema,
  chainSitesQuerySchema,
} from "../../api/hq/analytics.ts";
import { authorize } from "../auth/plugin.ts";
import type { HqContext } from "../context.ts";
import { ChainAnalyticsService } from "./service.ts";

export function analyticsRoutes(ctx: HqContext) {
  const analytics = new ChainAnalyticsService(ctx.sqlite, ctx.dialect);
  return new Elysia({ name: "ringup.hq.analytics" })
    .use(authorize(ctx, ["reports:read"], "reading chain reports"))
    .get("/reports/chain/daily", ({ query }) => analytics.daily(query), {
      query: chainQuerySchema,
      detail: {
        summary: "Sales minus returns per business day, with the same weekday a week and 52 weeks earlier",
      },
    })
    .get("/reports/chain/products", ({ query }) => analytics.products(query), {
      query: chainProductQuerySchema,
      detail: {
        summary:
          "Profit per product (quantity, net, tax, cost, margin), largest first by net, margin or quantity; limit=10 for the top 10",
      },
    })
    .get("/reports/chain/departments", ({ query }) => analytics.departments(query), {
      query: chainDepartmentQuerySchema,
      detail: { summary: "Quantity, net, tax, cost and margin per department" },
    })
    .get("/reports/chain/categories", ({ query }) => analytics.categories(query), {
      query: chainCategoryQuerySchema,
      detail: { summary: "Quantity, net, tax, cost and margin per product category" },
    })
    .get("/reports/chain/hours", ({ query }) => analytics.hours(query), {
      query: chainQuerySchema,
      detail: { summary: "Sales minus returns per hour of the day (UTC), 24 rows" },
    })
    .get("/reports/chain/cashiers", ({ query }) => analytics.cashiers(query), {
      query: chainCashierQuerySchema,
      detail: { summary: "Sales, voids and refunds per store and cashier" },
    })
    .get("/reports/chain/customers", ({ query }) => analytics.customers(query), {
      query: chainQuerySchema,
      detail: {
        summary:
          "Customers and orders: counts, new against returning, lifetime value of the customers who bought",
      },
    })
    .get("/reports/chain/sites", ({ query }) => analytics.sites(query), {
      query: chainSitesQuerySchema,
      detail: { summary: "Stock on hand per site valued at the catalog cost" },
    });
}
