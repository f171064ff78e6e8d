/**
 * `POST /tenders` and `GET /tenders`: the shop's own tenders, defined at head office and
 * replicated to every store and till.
 */
import { Elysia } from "elysia";
import { customTenderInputSchema, customTendersQuerySchema } from "../../api/hq/tenders.ts";
import { authorize } from "../auth/plugin.ts";
import type { HqContext } from "../context.ts";
import { HqTendersService } from "./service.ts";

export function tendersRoutes(ctx: HqContext) {
  const tenders = new HqTendersService(ctx);
  const write = new Elysia().use(authorize(ctx, ["catalog:write"], "defining tenders")).post(
    "/tenders",
    ({ body, set }) => {
      const { tender, created } = tenders.define(body);
      set.status = created ? 201 : 200;
      return tender;
    },
    {
      body: customTenderInputSchema,
      detail: {
        summary:
          "Define one of the shop's own tenders (upsert by id; active: false ends it), replicated to every till",
      },
    },
  );
  const read = new Elysia()
    .use(authorize(ctx, ["catalog:write", "reports:read", "store:*"], "reading tenders"))
    .get("/tenders", ({ query }) => ({ tenders: tenders.list(query.all === "true") }), {
      query: customTendersQuerySchema,
      detail: { summary: "The shop's own tenders in force; all=true lists ended ones too" },
    });
  return new Elysia({ name: "ringup.hq.tenders" }).use(write).use(read);
}
