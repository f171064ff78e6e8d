/**
 * `GET /sales/:id`: any store's sale (by id or receipt number), for returns in another shop.
 * With `reports:read` (or admin) the whole sale; with a store's token, its own sales whole and
 * another store's without who sold or bought (no cashier or customer ids), a limited number an
 * hour (lookup-limit.ts).
 */
import { Elysia } from "elysia";
import { z } from "zod";
import { authorize } from "../auth/plugin.ts";
import { holds, storesOf } from "../auth/scopes.ts";
import type { HqContext } from "../context.ts";
import { ForeignLookupLimit } from "./lookup-limit.ts";
import { ChainSalesService } from "./service.ts";

export function salesRoutes(ctx: HqContext) {
  const sales = new ChainSalesService(ctx);
  const limit = new ForeignLookupLimit();
  return new Elysia({ name: "ringup.hq.sales" })
    .use(authorize(ctx, ["reports:read", "store:*"], "reading sales"))
    .get(
      "/sales/:id",
      ({ params, principal }) => {
        if (holds(principal, "reports:read")) return sales.get(params.id);
        return sales.getForStore(params.id, storesOf(principal), () =>
          limit.take(principal.tokenId ?? principal.name, ctx.now().getTime()),
        );
      },
      {
        params: z.object({ id: z.string().min(1).max(64) }),
        detail: {
          summary:
            "Any store's sale by id or receipt number, with what was already returned per line (for a store's token: another store's without cashier or customer, a few an hour)",
        },
      },
    );
}
