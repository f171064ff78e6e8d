/** `GET /tenders`: the shop's own tenders head office defined, for tills to offer. */
import { Elysia } from "elysia";
import { customTendersQuerySchema } from "../../api/hq/tenders.ts";
import type { StoreContext } from "../context.ts";
import { requireAuth } from "../http/auth-plugin.ts";
import { listCustomTenders } from "./service.ts";

export function tendersRoutes(ctx: StoreContext) {
  return new Elysia({ name: "ringup.store.tenders" })
    .use(requireAuth(ctx))
    .get("/tenders", ({ query }) => ({ tenders: listCustomTenders(ctx, query.all === "true") }), {
      query: customTendersQuerySchema,
      detail: { summary: "The shop's own tenders from head office in force; all=true lists ended ones too" },
    });
}
