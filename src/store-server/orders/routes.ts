import { Elysia } from "elysia";
import {
  orderCollectSchema,
  orderParamsSchema,
  orderPatchSchema,
  orderRequestSchema,
  orderStatusRequestSchema,
  ordersQuerySchema,
  pickingQuerySchema,
  pickingRequestSchema,
} from "../../api/store/orders.ts";
import type { StoreContext } from "../context.ts";
import { requireAuth } from "../http/auth-plugin.ts";
import { pdfResponse, textLinesResponse } from "../http/documents.ts";
import { refuseTrainingSale } from "../sales/training.ts";
import { collectOrder } from "./collect.ts";
import { pickingList, recordPicking } from "./picking.ts";
import { pickingPdf, pickingTextLines } from "./picking-render.ts";
import { OrderService } from "./service.ts";

export function ordersRoutes(ctx: StoreContext, service = new OrderService(ctx)) {
  return new Elysia({ name: "ringup.store.orders" })
    .use(requireAuth(ctx))
    .post(
      "/orders",
      ({ body, principal, set }) => {
        const { order, created } = service.place(body, principal);
        set.status = created ? 201 : 200;
        return order;
      },
      {
        body: orderRequestSchema,
        detail: {
          summary:
            "Place a customer order for pick-up here or delivery (idempotent by id): priced, prepayments recorded, stock reserved",
        },
      },
    )
    .get("/orders", ({ query }) => ({ orders: service.list(query) }), {
      query: ordersQuerySchema,
      detail: { summary: "Customer orders, newest first, by status and pick-up day" },
    })
    .get(
      "/orders/picking",
      async ({ query }) => {
        const list = pickingList(ctx, query.date, query.slot);
        if (query.format === "pdf") return pdfResponse(await pickingPdf(list), `picking-${list.date}.pdf`);
        if (query.format === "txt") return textLinesResponse(pickingTextLines(list));
        return list;
      },
      {
        query: pickingQuerySchema,
        detail: {
          summary:
            "The picking list of a pick-up day or slot: its orders to pick and each product's total (format=pdf: A4, format=txt: receipt printer)",
        },
      },
    )
    .get("/orders/:id", ({ params }) => service.get(params.id), {
      params: orderParamsSchema,
      detail: { summary: "A customer order with its lines, prepayments and history" },
    })
    .patch("/orders/:id", ({ params, body, principal }) => service.update(params.id, body, principal), {
      params: orderParamsSchema,
      body: orderPatchSchema,
      detail: {
        summary: "Replace an open order's lines: re-priced, re-reserved, its balance due recomputed",
      },
    })
    .post(
      "/orders/:id/status",
      ({ params, body, principal }) => service.setStatus(params.id, body.status, principal),
      {
        params: orderParamsSchema,
        body: orderStatusRequestSchema,
        detail: {
          summary: "Move an order on: placed → confirmed → picked → ready, or cancelled (releases its stock)",
        },
      },
    )
    .post(
      "/orders/:id/picking",
      ({ params, body, principal }) => recordPicking(service, ctx, params.id, body, principal),
      {
        params: orderParamsSchema,
        body: pickingRequestSchema,
        detail: {
          summary: "Record what was picked per line: shortages and substitutes; the balance is recomputed",
        },
      },
    )
    .post(
      "/orders/:id/collect",
      ({ params, body, principal }) => {
        // Collected, an order becomes a sale: none from a till or cashier in training.
        refuseTrainingSale(ctx, body.tillId ?? principal.tillId, principal.userId);
        return collectOrder(ctx, service, params.id, body, principal);
      },
      {
        params: orderParamsSchema,
        body: orderCollectSchema,
        detail: {
          summary:
            "Collect an order: its sale is recorded (prepaid tenders and those given now; any excess refunded to the prepaid tender) and its stock released",
        },
      },
    );
}
