import { Elysia } from "elysia";
import { z } from "zod";
import {
  creditListQuerySchema,
  creditSettleRequestSchema,
  poFileParamsSchema,
  poListQuerySchema,
  poParamsSchema,
  poReceiptRequestSchema,
  poStatusRequestSchema,
  purchaseOrderRequestSchema,
  purchaseReceiptRequestSchema,
  receiptParamsSchema,
  vendorCreditRequestSchema,
  vendorImportRequestSchema,
  vendorItemRequestSchema,
  vendorParamsSchema,
  vendorPatchSchema,
  vendorRequestSchema,
} from "../../api/store/purchasing.ts";
import type { StoreContext } from "../context.ts";
import { requireAuth } from "../http/auth-plugin.ts";
import { VendorCreditService } from "./credits.ts";
import { PurchaseOrderService } from "./orders.ts";
import { ReceivingService } from "./receiving.ts";
import { orderCsv, orderPdf } from "./render.ts";
import { VendorService } from "./vendors.ts";

export function purchasingRoutes(ctx: StoreContext) {
  const vendors = new VendorService(ctx);
  const orders = new PurchaseOrderService(ctx);
  const receiving = new ReceivingService(ctx);
  const credits = new VendorCreditService(ctx);
  return new Elysia({ name: "ringup.store.purchasing" })
    .use(requireAuth(ctx))
    .post(
      "/vendors",
      ({ body, principal, set }) => {
        const { vendor, created } = vendors.create(body, principal);
        set.status = created ? 201 : 200;
        return vendor;
      },
      { body: vendorRequestSchema, detail: { summary: "Add a vendor (idempotent by id), manager and up" } },
    )
    .get("/vendors", ({ query }) => ({ vendors: vendors.list(query.all === "true") }), {
      query: z.object({ all: z.enum(["true", "false"]).optional() }),
      detail: { summary: "Vendors by name (active ones unless all=true)" },
    })
    .get("/vendors/:id", ({ params }) => vendors.get(params.id), {
      params: vendorParamsSchema,
      detail: { summary: "A vendor" },
    })
    .patch("/vendors/:id", ({ params, body, principal }) => vendors.update(params.id, body, principal), {
      params: vendorParamsSchema,
      body: vendorPatchSchema,
      detail: { summary: "Change a vendor's details; active false retires it" },
    })
    .post(
      "/vendors/:id/items",
      ({ params, body, principal, set }) => {
        set.status = 201;
        return vendors.setItem(params.id, body, principal);
      },
      {
        params: vendorParamsSchema,
        body: vendorItemRequestSchema,
        detail: {
          summary: "Add or change an item of the vendor's catalog (a cost change is kept in its history)",
        },
      },
    )
    .get(
      "/vendors/:id/items",
      ({ params, query }) =>
        query.code !== undefined
          ? { items: [vendors.item(params.id, query.code)] }
          : { items: vendors.items(params.id, query.history === "true") },
      {
        params: vendorParamsSchema,
        query: z.object({
          code: z.string().trim().min(1).max(32).optional(),
          history: z.enum(["true", "false"]).optional(),
        }),
        detail: { summary: "The vendor's catalog; one item with its cost history with code=…" },
      },
    )
    .post("/vendor-items/import", ({ body, principal }) => vendors.import(body, principal), {
      body: vendorImportRequestSchema,
      detail: { summary: "Import the vendor's catalog, all or nothing; bad lines are named" },
    })
    .post(
      "/purchase-orders",
      ({ body, principal, set }) => {
        const { order, created } = orders.create(body, principal);
        set.status = created ? 201 : 200;
        return order;
      },
      {
        body: purchaseOrderRequestSchema,
        detail: { summary: "Make a purchase order (a draft unless send), idempotent by id" },
      },
    )
    .get("/purchase-orders", ({ query }) => ({ orders: orders.list(query) }), {
      query: poListQuerySchema,
      detail: { summary: "Purchase orders, newest first" },
    })
    .get("/purchase-orders/worksheet", ({ query }) => orders.worksheet(query.vendorId), {
      query: z.object({ vendorId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "must be a vendor's id") }),
      detail: {
        summary:
          "The vendor's whole catalog with stock on hand, on order and the last 28 days' sales beside each item",
      },
    })
    .get(
      "/purchase-orders/:id",
      async ({ params }) => {
        const [id = "", format] = params.id.toLowerCase().split(".");
        const order = orders.get(id);
        if (format === "pdf") {
          const pdf = await orderPdf(order, vendors.get(order.vendorId), ctx.settings);
          return new Response(pdf, {
            headers: {
              "content-type": "application/pdf",
              "content-disposition": `inline; filename="po-${order.number}.pdf"`,
            },
          });
        }
        if (format === "csv") {
          return new Response(orderCsv(order), {
            headers: {
              "content-type": "text/csv; charset=utf-8",
              "content-disposition": `attachment; filename="po-${order.number}.csv"`,
            },
          });
        }
        return order;
      },
      {
        params: poFileParamsSchema,
        detail: { summary: "A purchase order; ID.pdf answers it as an A4 PDF, ID.csv as CSV for the vendor" },
      },
    )
    .post(
      "/purchase-orders/:id/status",
      ({ params, body, principal }) => orders.setStatus(params.id, body.status, principal, body.expectedAt),
      {
        params: poParamsSchema,
        body: poStatusRequestSchema,
        detail: { summary: "Send, cancel, or close a partly received purchase order as received" },
      },
    )
    .post(
      "/purchase-orders/:id/receipts",
      ({ params, body, principal, set }) => {
        const { receipt, created } = receiving.receiveOrder(params.id, body, principal);
        set.status = created ? 201 : 200;
        return receipt;
      },
      {
        params: poParamsSchema,
        body: poReceiptRequestSchema,
        detail: {
          summary: "Receive goods against the order: posts a goods receipt (a receipt stock document)",
        },
      },
    )
    .post(
      "/purchase-receipts",
      ({ body, principal, set }) => {
        const { receipt, created } = receiving.receiveWithoutOrder(body, principal);
        set.status = created ? 201 : 200;
        return receipt;
      },
      {
        body: purchaseReceiptRequestSchema,
        detail: { summary: "Receive goods from a vendor on its invoice, without an order" },
      },
    )
    .get("/purchase-receipts/:id", ({ params }) => receiving.get(params.id), {
      params: receiptParamsSchema,
      detail: { summary: "A goods receipt from a vendor with each line's variance and landed cost" },
    })
    .post(
      "/vendor-credits",
      ({ body, principal, set }) => {
        const { credit, created } = credits.create(body, principal);
        set.status = created ? 201 : 200;
        return credit;
      },
      { body: vendorCreditRequestSchema, detail: { summary: "Record a vendor credit (open until settled)" } },
    )
    .get("/vendor-credits", ({ query }) => ({ credits: credits.list(query) }), {
      query: creditListQuerySchema,
      detail: { summary: "Vendor credits, newest first" },
    })
    .get("/vendor-credits/:id", ({ params }) => credits.get(params.id), {
      params: receiptParamsSchema,
      detail: { summary: "A vendor credit" },
    })
    .post(
      "/vendor-credits/:id/settle",
      ({ params, body, principal }) => credits.settle(params.id, body.reference, principal),
      {
        params: receiptParamsSchema,
        body: creditSettleRequestSchema,
        detail: { summary: "The vendor settled the credit" },
      },
    );
}
