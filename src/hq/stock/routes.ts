/**
 * `GET /stock?code=` (reports:read, or a store's token): each store's stock of a product; `GET /stock/below-minimum`
 * (reports:read, or a store's token for its own store): stock below its minimum; `GET /transfers?to=`
 * (reports:read, or the receiving store's own token): transfers in transit to a store.
 */
import { Elysia } from "elysia";
import { hqStockQuerySchema, transfersQuerySchema } from "../../api/hq/stock.ts";
import { hqBelowMinimumQuerySchema } from "../../api/hq/stock-limits.ts";
import { HqAuthError } from "../auth/errors.ts";
import { authorize } from "../auth/plugin.ts";
import { holds, storesOf } from "../auth/scopes.ts";
import type { HqContext } from "../context.ts";
import { chainBelowMinimum } from "./below-minimum.ts";
import { ChainStockService } from "./service.ts";

export function stockRoutes(ctx: HqContext) {
  const stock = new ChainStockService(ctx);
  return new Elysia({ name: "ringup.hq.stock" })
    .use(authorize(ctx, ["reports:read", "store:*"], "reading stock"))
    .get(
      "/stock",
      ({ query, principal }) => {
        // A store reads the other sites' stock too: its tills show it in the price check.
        if (!holds(principal, "reports:read") && !holds(principal, "store:*")) {
          throw new HqAuthError("FORBIDDEN", "reading every store's stock needs the reports:read scope");
        }
        return stock.stock(query.code);
      },
      {
        query: hqStockQuerySchema,
        detail: {
          summary: "Each store's on-hand quantity of a product, by location, from replicated events",
        },
      },
    )
    .get(
      "/stock/below-minimum",
      ({ query, principal }) => {
        if (
          !holds(principal, "reports:read") &&
          (query.storeId === undefined || !storesOf(principal).includes(query.storeId))
        ) {
          throw new HqAuthError(
            "FORBIDDEN",
            "a store's token reads only its own store's stock below minimum (give its storeId)",
          );
        }
        return { products: chainBelowMinimum(ctx, query.storeId, query.limit) };
      },
      {
        query: hqBelowMinimumQuerySchema,
        detail: {
          summary:
            "Each store's stock below its minimum (per location where the store set limits per location), from replicated events",
        },
      },
    )
    .get(
      "/sites",
      () => ({
        sites: ctx.sqlite
          .query<{ storeId: string; name: string }, []>(
            "SELECT store_id AS storeId, name FROM stores ORDER BY store_id",
          )
          .all(),
      }),
      { detail: { summary: "The chain's stores (a store names one as a transfer's destination)" } },
    )
    .get(
      "/transfers",
      ({ query, principal }) => {
        if (!holds(principal, "reports:read") && !storesOf(principal).includes(query.to)) {
          throw new HqAuthError(
            "FORBIDDEN",
            `a store's token reads only the transfers to its own store, not ${query.to}`,
          );
        }
        return stock.transfers(query);
      },
      {
        query: transfersQuerySchema,
        detail: {
          summary: "Transfers between stores still in transit to a store (posted out, not yet received)",
        },
      },
    );
}
