/** Promotions and product categories of the chain: defined here, replicated to every store. */
import { Elysia } from "elysia";
import { z } from "zod";
import { categoryInputSchema, promotionInputSchema, promotionsQuerySchema } from "../../api/hq/promotions.ts";
import { promotionIdSchema } from "../../core/promotions/index.ts";
import { authorize } from "../auth/plugin.ts";
import type { HqContext } from "../context.ts";
import { HqPromotionsService } from "./service.ts";

export function promotionsRoutes(ctx: HqContext) {
  const service = new HqPromotionsService(ctx);
  const params = z.object({ id: promotionIdSchema });
  const write = new Elysia()
    .use(authorize(ctx, ["catalog:write"], "changing promotions and categories"))
    .post("/promotions", ({ body }) => service.define(body), {
      body: promotionInputSchema,
      detail: { summary: "Define a chain promotion (upsert by id), replicated to every store and till" },
    })
    .post("/promotions/:id/deactivate", ({ params }) => service.deactivate(params.id), {
      params,
      detail: { summary: "End a chain promotion everywhere (recorded sales keep it)" },
    })
    .post("/categories", ({ body }) => service.upsertCategory(body), {
      body: categoryInputSchema,
      detail: {
        summary: "Create, rename or move a product category (upsert by id), replicated to every store",
      },
    });
  const read = new Elysia()
    .use(authorize(ctx, ["catalog:write", "reports:read", "store:*"], "reading promotions"))
    .get("/promotions", ({ query }) => ({ promotions: service.list(query.all === "true") }), {
      query: promotionsQuerySchema,
      detail: { summary: "Chain promotions in force; all=true lists ended ones too" },
    })
    .get("/promotions/:id", ({ params }) => service.get(params.id), { params })
    .get("/categories", () => ({ categories: service.listCategories() }), {
      detail: { summary: "The chain's product categories (a tree by parent)" },
    });
  return new Elysia({ name: "ringup.hq.promotions" }).use(write).use(read);
}
