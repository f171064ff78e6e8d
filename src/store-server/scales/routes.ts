/** `GET /scales` (each label scale's health) and `POST /scales/sync` (send the scales their PLUs). */
import { Elysia } from "elysia";
import { scaleProductDetailsSchema, scaleSyncRequestSchema } from "../../api/store/scales.ts";
import type { StoreContext } from "../context.ts";
import { requireAuth } from "../http/auth-plugin.ts";
import { setScaleProductDetails } from "./product-details.ts";
import { type ScaleService, scaleServiceOf } from "./service.ts";

export function scalesRoutes(ctx: StoreContext, service: ScaleService = scaleServiceOf(ctx)) {
  return new Elysia({ name: "ringup.store.scales" })
    .use(requireAuth(ctx))
    .get("/scales", async () => ({ scales: await service.health() }), {
      detail: {
        summary: "Each label scale: reachable, last sync, PLUs programmed of how many, the last error",
      },
    })
    .get("/scales/:id/totals", ({ params }) => service.totals(params.id), {
      detail: { summary: "A label scale's sales totals per PLU (weight, amount, labels printed)" },
    })
    .post(
      "/scales/sync",
      async ({ body, principal }) => ({ synced: await service.syncAll(body, principal) }),
      {
        body: scaleSyncRequestSchema,
        detail: {
          summary:
            "Send each label scale (or the one named) the weighed goods of its departments that it does not hold yet",
        },
      },
    )
    .put(
      "/scales/products/:code",
      ({ params, body, principal }) => setScaleProductDetails(ctx, params.code, body, principal),
      {
        body: scaleProductDetailsSchema,
        detail: { summary: "Set the tare and shelf life a label scale prints for a weighed product" },
      },
    );
}
