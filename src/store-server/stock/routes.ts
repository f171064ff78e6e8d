import { Elysia } from "elysia";
import { requireRole } from "../auth/tokens.ts";
import type { StoreContext } from "../context.ts";
import { requireAuth } from "../http/auth-plugin.ts";
import { adjustmentRequestSchema, movementsQuerySchema, stockQuerySchema } from "./model.ts";
import { StockService } from "./service.ts";

export function stockRoutes(ctx: StoreContext, service = new StockService(ctx)) {
  return new Elysia({ name: "ringup.store.stock" })
    .use(requireAuth(ctx))
    .get(
      "/stock",
      ({ query }) =>
        query.code !== undefined
          ? service.level(query.code, query.movements)
          : { levels: service.levels(query.negative === "true", query.limit, query.offset) },
      {
        query: stockQuerySchema,
        detail: { summary: "On-hand stock of a product (by code or barcode), or of every product" },
      },
    )
    .get(
      "/stock/movements",
      ({ query }) => {
        const { code } = service.resolveCode(query.code);
        return { code, movements: service.movements(code, query.limit, query.before) };
      },
      { query: movementsQuerySchema, detail: { summary: "A product's stock movements, newest first" } },
    )
    .post(
      "/stock/adjustments",
      ({ body, principal, set }) => {
        requireRole(principal, "manager", "adjusting stock");
        const { result, created } = service.adjust(body, principal);
        set.status = created ? 201 : 200;
        return result;
      },
      {
        body: adjustmentRequestSchema,
        detail: { summary: "Change on-hand stock by hand, with a reason (manager and up)" },
      },
    );
}
