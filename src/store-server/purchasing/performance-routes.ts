/** Supplier performance at the store (manager and up): every vendor, one vendor, the cheapest vendor for a product. */
import { Elysia } from "elysia";
import {
  cheapestVendorQuerySchema,
  vendorReportParamsSchema,
  vendorReportQuerySchema,
} from "../../api/store/supplier-performance.ts";
import type { StoreContext } from "../context.ts";
import { requireAuth } from "../http/auth-plugin.ts";
import { SupplierPerformanceService } from "./performance.ts";

export function supplierPerformanceRoutes(ctx: StoreContext) {
  const reports = new SupplierPerformanceService(ctx);
  return new Elysia({ name: "ringup.store.supplier-performance" })
    .use(requireAuth(ctx))
    .get("/reports/vendors", ({ query }) => reports.vendors(query), {
      query: vendorReportQuerySchema,
      detail: {
        summary:
          "Supplier performance per vendor: fill rate, on-time rate, lead time against promised, cost changes, credits",
      },
    })
    .get("/reports/vendors/:id", ({ params, query }) => reports.vendor(params.id, query), {
      params: vendorReportParamsSchema,
      query: vendorReportQuerySchema,
      detail: { summary: "One vendor's performance with its orders, cost changes and credits" },
    })
    .get("/reports/cheapest-vendor", ({ query }) => reports.cheapest(query.code, query), {
      query: cheapestVendorQuerySchema,
      detail: {
        summary:
          "Every vendor's landed costs paid for a product, the cheapest, and what buying everything there would have saved",
      },
    });
}
