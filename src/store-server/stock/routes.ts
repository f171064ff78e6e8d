import { Elysia } from "elysia";
import {
  adjustmentRequestSchema,
  belowMinimumQuerySchema,
  movementsQuerySchema,
  stockQuerySchema,
} from "../../api/store/stock.ts";
import {
  stockDocumentFileParamsSchema,
  stockDocumentParamsSchema,
  stockDocumentRequestSchema,
  stockDocumentsQuerySchema,
} from "../../api/store/stock-documents.ts";
import { stockLimitRequestSchema, stockLimitsQuerySchema } from "../../api/store/stock-limits.ts";
import { stockSitesQuerySchema } from "../../api/store/stock-sites.ts";
import type { StoreContext } from "../context.ts";
import { requireAuth } from "../http/auth-plugin.ts";
import { pdfResponse, textLinesResponse } from "../http/documents.ts";
import { belowMinimum } from "./below-minimum.ts";
import { documentPdf, documentTextLines } from "./document-render.ts";
import { StockDocumentService } from "./document-service.ts";
import { StockLimitService } from "./limits.ts";
import { stockAtSites } from "./other-sites.ts";
import { StockService } from "./service.ts";
import { checkTransferDestination } from "./transfer-destination.ts";
import { transferSentElsewhere } from "./transfer-elsewhere.ts";

export function stockRoutes(
  ctx: StoreContext,
  service = new StockService(ctx),
  documents = new StockDocumentService(ctx),
  limits = new StockLimitService(ctx),
) {
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
      "/stock/below-minimum",
      ({ query }) => ({ products: belowMinimum(ctx.db, query.limit, query.location) }),
      {
        query: belowMinimumQuerySchema,
        detail: {
          summary:
            "Products below their minimum stock, per location where limits are set per location, with the quantity to order to reach the maximum",
        },
      },
    )
    .post(
      "/stock/limits",
      ({ body, principal }) => {
        return limits.set(body, principal);
      },
      {
        body: stockLimitRequestSchema,
        detail: {
          summary: "Set or clear a product's minimum and maximum stock at one location (manager and up)",
        },
      },
    )
    .get("/stock/limits", ({ query }) => ({ limits: limits.list(query) }), {
      query: stockLimitsQuerySchema,
      detail: { summary: "Minimum and maximum stock set per product and location" },
    })
    .get("/stock/sites", ({ query }) => stockAtSites(ctx, query.code), {
      query: stockSitesQuerySchema,
      detail: {
        summary:
          "A product's stock here and at the chain's other sites (from head office, when it answers in time)",
      },
    })
    .get(
      "/stock/movements",
      ({ query }) => {
        const { code } = service.resolveCode(query.code);
        const range = query.from && query.to ? { from: query.from, to: query.to } : undefined;
        return { code, movements: service.movements(code, query.limit, query.before, range) };
      },
      { query: movementsQuerySchema, detail: { summary: "A product's stock movements, newest first" } },
    )
    .post(
      "/stock/adjustments",
      ({ body, principal, set }) => {
        const { result, created } = service.adjust(body, principal);
        set.status = created ? 201 : 200;
        return result;
      },
      {
        body: adjustmentRequestSchema,
        detail: { summary: "Change on-hand stock by hand, with a reason (manager and up)" },
      },
    )
    .post(
      "/stock/documents",
      async ({ body, principal, set }) => {
        await checkTransferDestination(ctx, body);
        const sentElsewhere = await transferSentElsewhere(ctx, body);
        const { document, created } = documents.create(body, principal, sentElsewhere);
        set.status = created ? 201 : 200;
        return document;
      },
      {
        body: stockDocumentRequestSchema,
        detail: {
          summary:
            "Record a stock document (receipt, issue, writeoff, count, adjustment, transfer_out, transfer_in) as a draft or posted, manager and up",
        },
      },
    )
    .post(
      "/stock/documents/:id/post",
      ({ params, principal }) => {
        return documents.post(params.id, principal);
      },
      { params: stockDocumentParamsSchema, detail: { summary: "Post a draft stock document" } },
    )
    .get(
      "/stock/documents",
      ({ query }) => {
        return { documents: documents.list(query) };
      },
      { query: stockDocumentsQuerySchema, detail: { summary: "Stock documents, newest first" } },
    )
    .get(
      "/stock/documents/:id",
      async ({ params }) => {
        const [id, format] = params.id.split(".");
        const doc = documents.get((id ?? "").toLowerCase());
        if (format === "pdf") return pdfResponse(await documentPdf(doc), `stock-${doc.number}.pdf`);
        if (format === "txt") return textLinesResponse(documentTextLines(doc));
        return doc;
      },
      {
        params: stockDocumentFileParamsSchema,
        detail: {
          summary:
            "A stock document with its lines; ID.pdf answers it as an A4 PDF, ID.txt as receipt-printer lines",
        },
      },
    );
}
