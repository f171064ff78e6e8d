import { Elysia } from "elysia";
import { z } from "zod";
import { quoteRequestSchema, recordSaleSchema } from "../../api/store/sales.ts";
import { log } from "../../shared/log.ts";
import { CardTendersService } from "../card-tenders/service.ts";
import type { StoreContext } from "../context.ts";
import { requireAuth } from "../http/auth-plugin.ts";
import { releaseSaleCodes } from "../promotions/code-claims.ts";
import { cancellationSchema, recordCancellation } from "./cancellations.ts";
import { SaleError } from "./errors.ts";
import { listExceptions } from "./exceptions.ts";
import { recordWithCodes } from "./sale-codes.ts";
import { SalesService } from "./service.ts";
import { refuseTrainingSale } from "./training.ts";

export function salesRoutes(ctx: StoreContext, service = new SalesService(ctx)) {
  const cards = new CardTendersService(ctx, service);
  return new Elysia({ name: "ringup.store.sales" })
    .use(requireAuth(ctx))
    .post("/baskets/quote", ({ body }) => service.quote(body), {
      body: quoteRequestSchema,
      detail: { summary: "Price a basket without recording it" },
    })
    .post(
      "/sales",
      async ({ body, set, principal }) => {
        refuseTrainingSale(ctx, body.tillId ?? principal.tillId, body.cashierId ?? principal.userId);
        const { sale, created } = await recordWithCodes(ctx, service, body, principal, (request, p) =>
          cards.record(request, p),
        );
        if (created) {
          log().info(
            { saleId: sale.id, receiptNo: sale.receiptNo, tillId: sale.tillId, totalMinor: sale.totalMinor },
            `sale ${sale.receiptNo} recorded`,
          );
        }
        set.status = created ? 201 : 200;
        return sale;
      },
      {
        body: recordSaleSchema,
        detail: {
          summary:
            "Record a completed sale (idempotent by id): priced by the store, or as rung by a till (asRung: true)",
        },
      },
    )
    .post(
      "/sales/cancellations",
      async ({ body, set, principal }) => {
        const { answer, created } = recordCancellation(ctx, body, principal);
        await releaseSaleCodes(ctx, body.id);
        set.status = created ? 201 : 200;
        return answer;
      },
      {
        body: cancellationSchema,
        detail: {
          summary:
            "Record a sale cancelled at the till before payment, with its voided lines (idempotent by id)",
        },
      },
    )
    .get(
      "/reports/exceptions",
      ({ query }) => ({
        from: query.from,
        to: query.to,
        exceptions: listExceptions(ctx, query.from, query.to),
      }),
      {
        query: z.object({
          from: z.union([z.iso.date(), z.iso.datetime()], {
            error: "must be a date (YYYY-MM-DD) or an ISO 8601 UTC time",
          }),
          to: z.union([z.iso.date(), z.iso.datetime()], {
            error: "must be a date (YYYY-MM-DD) or an ISO 8601 UTC time",
          }),
        }),
        detail: {
          summary:
            "Till sales recorded as rung that differ from the catalog (price, tax, unknown or withdrawn products)",
        },
      },
    )
    .get(
      "/sales/by-receipt/:receiptNo",
      ({ params }) => {
        const sale = service.byReceiptNo(params.receiptNo);
        if (!sale) {
          throw new SaleError(
            "SALE_NOT_FOUND",
            `no sale has the receipt number ${params.receiptNo}: check the number on the receipt`,
          );
        }
        return sale;
      },
      {
        params: z.object({ receiptNo: z.string().min(1).max(40) }),
        detail: { summary: "A sale by its receipt number (for returns from a scanned or typed receipt)" },
      },
    )
    .get("/sales/last-receipt", ({ query }) => service.lastReceipt(query.tillId), {
      query: z.object({ tillId: z.string().regex(/^[A-Za-z0-9_]{1,16}$/, "must be a till id") }),
      detail: { summary: "The highest receipt number the store holds for a till" },
    })
    .get(
      "/sales/:id",
      ({ params }) => {
        const sale = service.get(params.id);
        if (!sale) throw new SaleError("SALE_NOT_FOUND", `no sale has the id ${params.id}`);
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
