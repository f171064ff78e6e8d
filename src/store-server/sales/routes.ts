import { Elysia } from "elysia";
import { z } from "zod";
import type { StoreContext } from "../context.ts";
import { requireAuth } from "../http/auth-plugin.ts";
import { HttpError } from "../http/errors.ts";
import { quoteRequestSchema, saleRequestSchema } from "./model.ts";
import { SalesService } from "./service.ts";

export function salesRoutes(ctx: StoreContext, service = new SalesService(ctx)) {
  return new Elysia({ name: "ringup.store.sales" })
    .use(requireAuth(ctx))
    .post("/baskets/quote", ({ body }) => service.quote(body), {
      body: quoteRequestSchema,
      detail: { summary: "Price a basket without recording it" },
    })
    .post(
      "/sales",
      async ({ body, set }) => {
        const { sale, created } = await service.record(body);
        set.status = created ? 201 : 200;
        return sale;
      },
      { body: saleRequestSchema, detail: { summary: "Record a completed sale (idempotent by id)" } },
    )
    .get(
      "/sales/:id",
      ({ params }) => {
        const sale = service.get(params.id);
        if (!sale) throw new HttpError("not_found", "SALE_NOT_FOUND", `no sale has the id ${params.id}`);
        return sale;
      },
      { params: z.object({ id: z.uuid("must be a sale id (UUID)") }) },
    )
    .get("/sales", ({ query }) => ({ sales: service.list(query.from, query.to, query.limit) }), {
      query: z.object({
        from: z.iso.datetime({ error: "must be an ISO 8601 UTC time" }),
        to: z.iso.datetime({ error: "must be an ISO 8601 UTC time" }),
        limit: z.coerce.number().int().min(1).max(10_000).default(1000),
      }),
    });
}
