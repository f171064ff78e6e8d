/**
 * Head office's purchasing reads (scope reports:read): each store's vendors, purchase orders and
 * credits (`storeId` for one store), and supplier performance per store or for the chain.
 */
import { Elysia } from "elysia";
import {
  hqCheapestVendorQuerySchema,
  hqPurchaseOrderParamsSchema,
  hqPurchaseOrdersQuerySchema,
  hqVendorCreditsQuerySchema,
  hqVendorParamsSchema,
  hqVendorQuerySchema,
  hqVendorReportQuerySchema,
  hqVendorsQuerySchema,
} from "../../api/hq/purchasing.ts";
import { authorize } from "../auth/plugin.ts";
import type { HqContext } from "../context.ts";
import { HqPurchasingService } from "./service.ts";

export function purchasingReadRoutes(ctx: HqContext) {
  const purchasing = new HqPurchasingService(ctx);
  return new Elysia({ name: "ringup.hq.purchasing.reads" })
    .use(authorize(ctx, ["reports:read"], "reading purchasing"))
    .get("/vendors", ({ query }) => purchasing.vendors(query.storeId), {
      query: hqVendorsQuerySchema,
      detail: { summary: "Each store's vendors (storeId for one store), from replicated events" },
    })
    .get("/vendors/:id", ({ params, query }) => purchasing.vendor(query.storeId, params.id), {
      params: hqVendorParamsSchema,
      query: hqVendorQuerySchema,
      detail: { summary: "A store's vendor with its catalog and each item's cost history" },
    })
    .get("/purchase-orders", ({ query }) => purchasing.orders(query), {
      query: hqPurchaseOrdersQuerySchema,
      detail: { summary: "The stores' purchase orders as they last reported them, newest first" },
    })
    .get("/purchase-orders/:id", ({ params }) => purchasing.order(params.id), {
      params: hqPurchaseOrderParamsSchema,
      detail: { summary: "A store's purchase order with its receipts" },
    })
    .get("/vendor-credits", ({ query }) => purchasing.credits(query), {
      query: hqVendorCreditsQuerySchema,
      detail: { summary: "The stores' vendor credits, newest first" },
    })
    .get("/reports/vendors", ({ query }) => purchasing.vendorsReport(query.storeId, query), {
      query: hqVendorReportQuerySchema,
      detail: { summary: "Supplier performance per vendor, for one store (storeId) or the chain" },
    })
    .get(
      "/reports/vendors/:id",
      ({ params, query }) => purchasing.vendorReport(query.storeId, params.id, query),
      {
        params: hqVendorParamsSchema,
        query: hqVendorReportQuerySchema,
        detail: { summary: "One vendor's performance with its orders, cost changes and credits" },
      },
    )
    .get("/reports/cheapest-vendor", ({ query }) => purchasing.cheapest(query.storeId, query.code, query), {
      query: hqCheapestVendorQuerySchema,
      detail: {
        summary: "Every vendor's landed costs paid for a product and the cheapest, per store or chain",
      },
    });
}
