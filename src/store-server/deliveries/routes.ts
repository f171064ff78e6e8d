import { Elysia } from "elysia";
import { handInSchema } from "../../api/store/cash-book.ts";
import {
  courierRequestSchema,
  deliveriesQuerySchema,
  deliveryParamsSchema,
  deliveryRequestSchema,
  deliveryStatusRequestSchema,
} from "../../api/store/deliveries.ts";
import type { StoreContext } from "../context.ts";
import { requireAuth } from "../http/auth-plugin.ts";
import { handIn } from "./hand-in.ts";
import { DeliveriesService } from "./service.ts";

/** Deliveries: created for an order or a sale, dispatched to a courier, moved forward by status. */
export function deliveriesRoutes(ctx: StoreContext, service = new DeliveriesService(ctx)) {
  return new Elysia({ name: "ringup.store.deliveries" })
    .use(requireAuth(ctx))
    .post(
      "/deliveries",
      ({ body, principal, set }) => {
        set.status = 201;
        return service.create(body, principal);
      },
      {
        body: deliveryRequestSchema,
        detail: {
          summary: "Deliver an order or a sale: address, phone, fee, promised time; starts accepted",
        },
      },
    )
    .get("/deliveries", ({ query, principal }) => ({ deliveries: service.list(query, principal) }), {
      query: deliveriesQuerySchema,
      detail: { summary: "The dispatch list, newest first (a courier sees his own deliveries)" },
    })
    .get("/deliveries/:id", ({ params, principal }) => service.get(params.id, principal), {
      params: deliveryParamsSchema,
      detail: { summary: "A delivery with the history of its statuses" },
    })
    .post(
      "/deliveries/:id/courier",
      ({ params, body, principal }) => service.assignCourier(params.id, body.courierId, principal),
      {
        params: deliveryParamsSchema,
        body: courierRequestSchema,
        detail: {
          summary: "Assign a courier (a user whose role holds deliver) before the delivery goes out",
        },
      },
    )
    .post(
      "/deliveries/:id/status",
      ({ params, body, principal }) => service.setStatus(params.id, body.status, principal),
      {
        params: deliveryParamsSchema,
        body: deliveryStatusRequestSchema,
        detail: {
          summary:
            "Move a delivery forward (accepted, preparing, on_the_way, delivered or failed); the customer is notified once per status",
        },
      },
    )
    .post(
      "/cash/hand-ins",
      ({ body, principal, set }) => {
        set.status = 201;
        return handIn(ctx, body, principal);
      },
      {
        body: handInSchema,
        detail: {
          summary:
            "A courier hands in the cash collected on delivery: a cash-in entry tied to the deliveries",
        },
      },
    );
}
