/** `GET /serials/:serial`: a serial number's history at this store (received, sold, returned). */
import { Elysia } from "elysia";
import { serialParamsSchema } from "../../api/store/serials.ts";
import type { StoreContext } from "../context.ts";
import { requireAuth } from "../http/auth-plugin.ts";
import { serialHistory } from "./service.ts";

export function serialsRoutes(ctx: StoreContext) {
  return new Elysia({ name: "ringup.store.serials" })
    .use(requireAuth(ctx))
    .get("/serials/:serial", ({ params }) => serialHistory(ctx.db, params.serial), {
      params: serialParamsSchema,
      detail: {
        summary: "A serial number's history: the receipts that brought it in, its sales and returns",
      },
    });
}
