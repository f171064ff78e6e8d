import { Elysia } from "elysia";
import {
  heldIdParamsSchema,
  heldListQuerySchema,
  holdRequestSchema,
  resumeRequestSchema,
} from "../../api/store/held.ts";
import type { StoreContext } from "../context.ts";
import { requireAuth } from "../http/auth-plugin.ts";
import { HeldSalesService } from "./service.ts";

export function heldRoutes(ctx: StoreContext, service = new HeldSalesService(ctx)) {
  return new Elysia({ name: "ringup.store.held" })
    .use(requireAuth(ctx))
    .post(
      "/held",
      ({ body, principal, set }) => {
        const { held, created } = service.hold(body, principal);
        set.status = created ? 201 : 200;
        return held;
      },
      { body: holdRequestSchema, detail: { summary: "Hold (park) a sale so any till can resume it" } },
    )
    .get("/held", ({ query }) => ({ held: service.list(query.tillId, query.limit) }), {
      query: heldListQuerySchema,
      detail: { summary: "Held sales, newest first (every till's by default)" },
    })
    .post(
      "/held/:id/resume",
      ({ params, body, principal }) => service.resume(params.id, principal, body?.tillId),
      {
        params: heldIdParamsSchema,
        body: resumeRequestSchema,
        detail: { summary: "Resume a held sale: answers it and takes it off the list (once)" },
      },
    )
    .delete("/held/:id", ({ params, principal }) => ({ discarded: service.discard(params.id, principal) }), {
      params: heldIdParamsSchema,
      detail: { summary: "Discard a held sale" },
    });
}
