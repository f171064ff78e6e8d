import { Elysia } from "elysia";
import {
  shopProductsQuerySchema,
  webhookParamsSchema,
  webhookRequestSchema,
} from "../../api/store/webhooks.ts";
import { requireRole } from "../auth/tokens.ts";
import type { StoreContext } from "../context.ts";
import { requireAuth } from "../http/auth-plugin.ts";
import { WebhookService } from "./service.ts";
import { shopProducts } from "./shop-products.ts";

export function webhooksRoutes(ctx: StoreContext, service = new WebhookService(ctx)) {
  return new Elysia({ name: "ringup.store.webhooks" })
    .use(requireAuth(ctx))
    .post(
      "/webhooks",
      ({ body, principal, set }) => {
        requireRole(principal, "manager", "adding a webhook");
        set.status = 201;
        return service.add(body, principal);
      },
      {
        body: webhookRequestSchema,
        detail: {
          summary:
            "Add a webhook: signed deliveries (Ringup-Signature: hex HMAC-SHA256 of the body) of stock.changed, order.changed, sale.completed or *, each with a delivery id (manager and up)",
        },
      },
    )
    .get(
      "/webhooks",
      ({ principal }) => {
        requireRole(principal, "manager", "reading webhooks");
        return { webhooks: service.list() };
      },
      { detail: { summary: "The webhooks, parked ones with their reason, and deliveries waiting for each" } },
    )
    .delete(
      "/webhooks/:id",
      ({ params, principal }) => {
        requireRole(principal, "manager", "deleting a webhook");
        return service.delete(params.id, principal);
      },
      {
        params: webhookParamsSchema,
        detail: { summary: "Delete a webhook and the deliveries waiting for it" },
      },
    )
    .post(
      "/webhooks/:id/resume",
      ({ params, principal }) => {
        requireRole(principal, "manager", "resuming a webhook");
        return service.resume(params.id, principal);
      },
      {
        params: webhookParamsSchema,
        detail: { summary: "Resume a parked webhook: the deliveries it missed are sent first" },
      },
    )
    .get("/shop/products", ({ query }) => shopProducts(ctx, query.limit, query.after), {
      query: shopProductsQuerySchema,
      detail: {
        summary:
          "Products and prices offered to the web shop, with the stock available of each (paged by code)",
      },
    });
}
