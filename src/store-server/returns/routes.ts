import { Elysia } from "elysia";
import { z } from "zod";
import { returnRequestSchema, saleIdParamsSchema, voidRequestSchema } from "../../api/store/returns.ts";
import { postEarningReversals } from "../card-tenders/earning-reversals.ts";
import { postCardRefunds, voidRefundId } from "../card-tenders/refunds.ts";
import type { StoreContext } from "../context.ts";
import { withGiftCardLoadsTakenBack } from "../gift-cards/take-back.ts";
import { requireAuth } from "../http/auth-plugin.ts";
import { refuseTrainingSale } from "../sales/training.ts";
import { ReturnError } from "./errors.ts";
import { ReturnsService } from "./service.ts";
import { SaleVoidService } from "./void-service.ts";

export function returnsRoutes(
  ctx: StoreContext,
  service = new ReturnsService(ctx),
  voids = new SaleVoidService(ctx),
) {
  return new Elysia({ name: "ringup.store.returns" })
    .use(requireAuth(ctx))
    .post(
      "/returns",
      async ({ body, principal, set }) => {
        // A till or cashier in training records no return either: nothing of it may count.
        refuseTrainingSale(ctx, principal.tillId, principal.userId);
        const { ret, created } = await service.record(body, principal);
        set.status = created ? 201 : 200;
        return ret;
      },
      {
        body: returnRequestSchema,
        detail: {
          summary: "Take goods back against a receipt, or without one with approval (idempotent by id)",
        },
      },
    )
    .get("/returns/original/:ref", ({ params }) => service.original(params.ref), {
      params: z.object({
        ref: z
          .string()
          .trim()
          .min(1, "give a receipt number or a sale id")
          .max(64, "is too long for a receipt number"),
      }),
      detail: {
        summary:
          "The sale a receipt names, this store's or another store's through head office, with what is left to return and refund",
      },
    })
    .get(
      "/returns/:id",
      ({ params }) => {
        const ret = service.get(params.id);
        if (!ret) throw new ReturnError("RETURN_NOT_FOUND", `no return has the id ${params.id}`);
        return ret;
      },
      { params: z.object({ id: z.uuid("must be a return id (UUID)") }) },
    )
    .get("/returns", ({ query }) => ({ returns: service.forSale(query.originalSaleId) }), {
      query: z.object({ originalSaleId: z.uuid("must be a sale id (UUID)") }),
      detail: { summary: "Returns recorded against a sale" },
    })
    .post(
      "/sales/:id/void",
      async ({ params, body, principal }) => {
        // What the sale's gift card lines loaded is taken back at head office first.
        const done = await withGiftCardLoadsTakenBack(ctx, params.id, () =>
          voids.void(params.id, body, principal),
        );
        // Card tenders go back to their cards at head office now, or from the reconciler.
        if (done.created) {
          await postCardRefunds(ctx, [voidRefundId(params.id)]);
          await postEarningReversals(ctx, [voidRefundId(params.id)]);
        }
        return done.sale;
      },
      {
        params: saleIdParamsSchema,
        body: voidRequestSchema,
        detail: { summary: "Void a completed sale with no returns (supervisor approval when required)" },
      },
    );
}
