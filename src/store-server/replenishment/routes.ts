import { Elysia } from "elysia";
import { forecastQuerySchema, suggestedOrderQuerySchema } from "../../api/store/replenishment.ts";
import type { StoreContext } from "../context.ts";
import { requireAuth } from "../http/auth-plugin.ts";
import { ReplenishmentService, type ReplenishmentSources } from "./service.ts";
import { stockOptimisation } from "./stock-optimisation.ts";

/**
 * Forecast, suggested orders and the stock optimisation report, for managers. `sources` is where
 * the vendors' items and the quantities on order are read (see `items.ts`).
 */
export function replenishmentRoutes(ctx: StoreContext, sources: ReplenishmentSources = {}) {
  const service = new ReplenishmentService(ctx, sources);
  return new Elysia({ name: "ringup.store.replenishment" })
    .use(requireAuth(ctx))
    .get("/forecast", ({ query }) => service.forecast(query.code, query.days, query.from), {
      query: forecastQuerySchema,
      detail: { summary: "Expected units sold per day of a product, from its sales history" },
    })
    .get("/replenishment/suggested", ({ query }) => service.suggested(query.vendorId), {
      query: suggestedOrderQuerySchema,
      detail: {
        summary:
          "Items to order now (stock at or below the reorder point), up to the order-up-to level in whole cases; a vendor's items, or every product sold on the store's defaults",
      },
    })
    .get("/reports/stock-optimisation", () => stockOptimisation(ctx, service), {
      detail: {
        summary: "Overstock, dead stock, stock-out risk and the capital tied up in stock, by product",
      },
    });
}
