/** Customer orders of the chain: placed here for any store and routed to it; read back by store, status and day. */
import { Elysia } from "elysia";
import {
  hqOrderCollectSchema,
  hqOrderParamsSchema,
  hqOrderPatchSchema,
  hqOrderRequestSchema,
  hqOrderStatusRequestSchema,
  hqOrdersQuerySchema,
} from "../../api/hq/orders.ts";
import { authorize } from "../auth/plugin.ts";
import type { HqContext } from "../context.ts";
import { HqOrderForwarder } from "./forward.ts";
import { HqOrderService } from "./service.ts";

export function ordersRoutes(ctx: HqContext) {
  const service = new HqOrderService(ctx);
  const forwarder = new HqOrderForwarder(ctx, service);
  const forwarded = "forwarded to its pick-up store, which answers through its events";
  const write = new Elysia()
    .use(authorize(ctx, ["catalog:write"], "placing orders"))
    .post(
      "/orders",
      ({ body, set }) => {
        const { order, created } = service.place(body);
        set.status = created ? 202 : 200;
        return order;
      },
      {
        body: hqOrderRequestSchema,
        detail: {
          summary:
            "Place a customer order for any store (idempotent by id): routed to its pick-up store, which prices it and reserves its stock",
        },
      },
    )
    .patch(
      "/orders/:id",
      ({ params, body, set }) => {
        set.status = 202;
        return forwarder.patch(params.id, body);
      },
      {
        params: hqOrderParamsSchema,
        body: hqOrderPatchSchema,
        detail: { summary: `Replace an open order's lines: ${forwarded}` },
      },
    )
    .post(
      "/orders/:id/status",
      ({ params, body, set }) => {
        set.status = 202;
        return forwarder.setStatus(params.id, body.status);
      },
      {
        params: hqOrderParamsSchema,
        body: hqOrderStatusRequestSchema,
        detail: { summary: `Move an order on (confirmed, picked, ready) or cancel it: ${forwarded}` },
      },
    )
    .post(
      "/orders/:id/collect",
      ({ params, body, set }) => {
        set.status = 202;
        return forwarder.collect(params.id, body);
      },
      {
        params: hqOrderParamsSchema,
        body: hqOrderCollectSchema,
        detail: { summary: `Collect an order with the tenders paid now, recorded at tillId: ${forwarded}` },
      },
    );
  const read = new Elysia()
    .use(authorize(ctx, ["reports:read", "catalog:write"], "reading orders"))
    .get("/orders", ({ query }) => ({ orders: service.list(query) }), {
      query: hqOrdersQuerySchema,
      detail: {
        summary: "The chain's customer orders by store, status and pick-up day, as the stores report them",
      },
    })
    .get("/orders/:id", ({ params }) => service.get(params.id), {
      params: hqOrderParamsSchema,
      detail: { summary: "One customer order as head office knows it" },
    });
  return new Elysia({ name: "ringup.hq.orders" }).use(write).use(read);
}
