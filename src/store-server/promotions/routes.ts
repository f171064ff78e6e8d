import { Elysia } from "elysia";
import { z } from "zod";
import { messageInputSchema, messagesQuerySchema } from "../../api/hq/messages.ts";
import { promoCodeCheckInputSchema } from "../../api/store/promo-code-check.ts";
import { promotionReportQuerySchema } from "../../api/store/promotion-reports.ts";
import { promotionInputSchema, storePromotionsQuerySchema } from "../../api/store/promotions.ts";
import { messageIdSchema } from "../../core/messages/index.ts";
import { promotionIdSchema } from "../../core/promotions/index.ts";
import type { StoreContext } from "../context.ts";
import { requireAuth } from "../http/auth-plugin.ts";
import { checkPromoCode } from "./code-check.ts";
import { deactivateLocalMessage, defineLocalMessage } from "./local-messages.ts";
import { listMessages } from "./messages.ts";
import { codeUsage, promotionReport } from "./report.ts";
import { PromotionsService } from "./service.ts";
import { listedSince } from "./version.ts";

export function promotionsRoutes(ctx: StoreContext, service = new PromotionsService(ctx)) {
  const params = z.object({ id: promotionIdSchema });
  const messageParams = z.object({ id: messageIdSchema });
  return new Elysia({ name: "ringup.store.promotions" })
    .use(requireAuth(ctx))
    .get("/promotions", ({ query }) => listedSince(service.list(query.all === "true"), query.since), {
      query: storePromotionsQuerySchema,
      detail: {
        summary:
          "Promotions in force (head office's and the store's own); all=true lists ended ones too; since=<version> answers unchanged: true without the list when it has not changed",
      },
    })
    .get("/messages", ({ query }) => ({ messages: listMessages(ctx, query.all === "true") }), {
      query: messagesQuerySchema,
      detail: { summary: "Messages to cashiers and receipts in force (tills sync them with the promotions)" },
    })
    .get("/reports/promotions", ({ query }) => promotionReport(ctx, query.from, query.to), {
      query: promotionReportQuerySchema,
      detail: {
        summary:
          "Each promotion's uses, discount given and its lines' sales against the same time before (uplift)",
      },
    })
    .get("/reports/promotion-codes", () => codeUsage(ctx), {
      detail: {
        summary: "The store's uses of limited promo codes (offlineUses: not yet counted at head office)",
      },
    })
    .post("/promotions/codes/check", ({ body }) => checkPromoCode(ctx, body), {
      body: promoCodeCheckInputSchema,
      detail: {
        summary:
          "Whether a sale may use a promo code now (in force, its limits not reached chain-wide); counts nothing",
      },
    })
    .get("/promotions/:id", ({ params }) => service.get(params.id), {
      params,
      detail: { summary: "One promotion" },
    })
    .post(
      "/promotions",
      ({ body, principal }) => {
        return service.define(body, principal);
      },
      {
        body: promotionInputSchema,
        detail: { summary: "Define one of the store's own promotions (upsert by id)" },
      },
    )
    .post(
      "/messages",
      ({ body, principal }) => {
        return defineLocalMessage(ctx, body, principal);
      },
      {
        body: messageInputSchema,
        detail: { summary: "Define one of the store's own messages (upsert by id)" },
      },
    )
    .post(
      "/messages/:id/deactivate",
      ({ params, principal }) => {
        return deactivateLocalMessage(ctx, params.id, principal);
      },
      { params: messageParams, detail: { summary: "End one of the store's own messages" } },
    )
    .post(
      "/promotions/:id/deactivate",
      ({ params, principal }) => {
        return service.deactivate(params.id, principal);
      },
      { params, detail: { summary: "End one of the store's own promotions" } },
    );
}
