/**
 * Head office ordering for stores: `POST /purchase-orders` (scope catalog:write) places one
 * order per store or a central order to a warehouse; `GET /chain-orders/:id` (reports:read)
 * follows it through the stores' own reports.
 */
import { Elysia } from "elysia";
import { chainOrderParamsSchema, chainOrderRequestSchema } from "../../api/hq/purchasing.ts";
import { authorize } from "../auth/plugin.ts";
import type { HqContext } from "../context.ts";
import { ChainOrderService } from "./chain-orders.ts";

export function chainOrderRoutes(ctx: HqContext) {
  const orders = new ChainOrderService(ctx);
  return new Elysia({ name: "ringup.hq.purchasing.orders" })
    .use(
      new Elysia({ name: "ringup.hq.purchasing.place" })
        .use(authorize(ctx, ["catalog:write"], "ordering for stores"))
        .post(
          "/purchase-orders",
          ({ body, set }) => {
            const { order, created } = orders.place(body);
            set.status = created ? 201 : 200;
            return order;
          },
          {
            body: chainOrderRequestSchema,
            detail: {
              summary:
                "Order for several stores: one purchase order per store (storeIds) or a central one to a warehouse (deliverTo), idempotent by id",
            },
          },
        ),
    )
    .use(
      new Elysia({ name: "ringup.hq.purchasing.follow" })
        .use(authorize(ctx, ["reports:read"], "reading orders for stores"))
        .get("/chain-orders/:id", ({ params }) => orders.get(params.id), {
          params: chainOrderParamsSchema,
          detail: { summary: "An order placed for stores, with each store's order as it reported it" },
        }),
    );
}
