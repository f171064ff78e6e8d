/** `GET /sales/:id`: any store's sale (by id or receipt number), for returns in another shop. */
import { Elysia } from "elysia";
import { z } from "zod";
import { authorize } from "../auth/plugin.ts";
import type { HqContext } from "../context.ts";
import { ChainSalesService } from "./service.ts";

export function salesRoutes(ctx: HqContext) {
  const sales = new ChainSalesService(ctx);
  return new Elysia({ name: "ringup.hq.sales" })
    .use(authorize(ctx, ["reports:read", "store:*"], "reading sales"))
    .get("/sales/:id", ({ params }) => sales.get(params.id), {
      params: z.object({ id: z.string().min(1).max(64) }),
      detail: {
        summary: "Any store's sale by id or receipt number, with what was already returned per line",
      },
    });
}
