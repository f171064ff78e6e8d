/** Promotions and product categories of the chain: defined here, replicated to every store. */
import { Elysia } from "elysia";
import { z } from "zod";
import { messageInputSchema, messagesQuerySchema } from "../../api/hq/messages.ts";
import { codeClaimInputSchema, codeReleaseParamsSchema } from "../../api/hq/promo-codes.ts";
import { categoryInputSchema, promotionInputSchema, promotionsQuerySchema } from "../../api/hq/promotions.ts";
import { promotionReportQuerySchema } from "../../api/store/promotion-reports.ts";
import { messageIdSchema } from "../../core/messages/index.ts";
import { promotionIdSchema } from "../../core/promotions/index.ts";
import { authorize } from "../auth/plugin.ts";
import { storeScope } from "../auth/scopes.ts";
import { requireScope } from "../auth/tokens.ts";
import type { HqContext } from "../context.ts";
import { HqCodeUsesService } from "./code-uses.ts";
import { HqMessagesService } from "./messages.ts";
import { hqPromotionReport } from "./report.ts";
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
  const codeUses = new HqCodeUsesService(ctx);
  const claims = new Elysia()
    .use(authorize(ctx, ["catalog:write", "store:*"], "claiming promo code uses"))
    .post(
      "/promotions/claims",
      ({ body, principal }) => {
        requireScope(
          principal,
          ["catalog:write", storeScope(body.storeId)],
          `claiming codes for ${body.storeId}`,
        );
        return codeUses.claim(body);
      },
      {
        body: codeClaimInputSchema,
        detail: {
          summary: "Count a sale's uses of limited promo codes chain-wide (all or none, once per sale id)",
        },
      },
    )
    .post(
      "/promotions/claims/:saleId/release",
      ({ params, principal }) => {
        const storeId = codeUses.storeOf(params.saleId);
        if (storeId !== null)
          requireScope(principal, ["catalog:write", storeScope(storeId)], `releasing codes of ${storeId}`);
        return codeUses.release(params.saleId);
      },
      {
        params: codeReleaseParamsSchema,
        detail: { summary: "Free a sale's code uses (the sale was not completed), by its store" },
      },
    );
  const reports = new Elysia()
    .use(authorize(ctx, ["reports:read", "catalog:write"], "reading promo code usage"))
    .get("/reports/promotions", ({ query }) => hqPromotionReport(ctx, query.from, query.to), {
      query: promotionReportQuerySchema,
      detail: {
        summary:
          "Each promotion's uses, discount given and its lines' sales chain-wide against the same time before (uplift)",
      },
    })
    .get("/reports/promotion-codes", () => codeUses.usage(), {
      detail: { summary: "Each promo code's uses chain-wide (by store), its limits and the discount given" },
    });
  const messages = new HqMessagesService(ctx);
  const messageParams = z.object({ id: messageIdSchema });
  const messageRoutes = new Elysia()
    .use(authorize(ctx, ["catalog:write"], "changing messages"))
    .post("/messages", ({ body }) => messages.define(body), {
      body: messageInputSchema,
      detail: {
        summary: "Define a message to cashiers and receipts (upsert by id), replicated to every till",
      },
    })
    .post("/messages/:id/deactivate", ({ params }) => messages.deactivate(params.id), {
      params: messageParams,
      detail: { summary: "End a message everywhere" },
    })
    .get("/messages", ({ query }) => ({ messages: messages.list(query.all === "true") }), {
      query: messagesQuerySchema,
      detail: { summary: "The chain's messages in force; all=true lists ended ones too" },
    });
  return new Elysia({ name: "ringup.hq.promotions" })
    .use(write)
    .use(read)
    .use(claims)
    .use(reports)
    .use(messageRoutes);
}
