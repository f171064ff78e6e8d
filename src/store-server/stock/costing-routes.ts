import { Elysia } from "elysia";
import { marginQuerySchema, valuationQuerySchema } from "../../api/store/costing.ts";
import type { StoreContext } from "../context.ts";
import { requireAuth } from "../http/auth-plugin.ts";
import { CostingReports } from "./costing-reports.ts";

/** Costing reports for managers: `/reports/valuation` and `/reports/margin`. */
export function costingRoutes(ctx: StoreContext, reports = new CostingReports(ctx)) {
  return new Elysia({ name: "ringup.store.costing" })
    .use(requireAuth(ctx))
    .get("/reports/valuation", ({ query }) => reports.valuation(query.at), {
      query: valuationQuerySchema,
      detail: {
        summary: "Stock on hand and its value at the end of a business day, by the store's costing method",
      },
    })
    .get("/reports/margin", ({ query }) => reports.margin(query.from, query.to, query.by), {
      query: marginQuerySchema,
      detail: {
        summary:
          "Net sales (after discounts, without tax; returns subtract), cost of goods and margin over days, by product, department or category",
      },
    });
}
