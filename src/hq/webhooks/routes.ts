/** Head office's webhooks: the chain's sales, orders and stock changes, signed, to a web shop. */
import { Elysia } from "elysia";
import { webhookParamsSchema, webhookRequestSchema } from "../../api/store/webhooks.ts";
import { authorize } from "../auth/plugin.ts";
import type { HqContext } from "../context.ts";
import { HqWebhookService } from "./service.ts";

export function webhooksRoutes(ctx: HqContext) {
  const service = new HqWebhookService(ctx);
  const routes = new Elysia()
    .use(authorize(ctx, ["admin"], "managing webhooks"))
    .post(
      "/webhooks",
      ({ body, set }) => {
        set.status = 201;
        return service.add(body);
      },
      {
        body: webhookRequestSchema,
        detail: {
          summary:
            "Add a webhook for the whole chain: signed deliveries (Ringup-Signature) of the stores' stock.changed, order.changed, sale.completed or *, each with a delivery id and the store's id",
        },
      },
    )
    .get("/webhooks", () => ({ webhooks: service.list() }), {
      detail: {
        summary: "Head office's webhooks, parked ones with their reason, and deliveries waiting for each",
      },
    })
    .delete("/webhooks/:id", ({ params }) => service.delete(params.id), {
      params: webhookParamsSchema,
      detail: { summary: "Delete a webhook of head office and the deliveries waiting for it" },
    })
    .post("/webhooks/:id/resume", ({ params }) => service.resume(params.id), {
      params: webhookParamsSchema,
      detail: { summary: "Resume a parked webhook of head office: the deliveries it missed are sent first" },
    });
  return new Elysia({ name: "ringup.hq.webhooks" }).use(routes);
}
