import { Elysia } from "elysia";
import { adjustmentRequestSchema, movementsQuerySchema, stockQuerySchema } from "../../api/store/stock.ts";
import { requireRole } from "../auth/tokens.ts";
import type { StoreContext } from "../context.ts";
import { requireAuth } from "../http/auth-plugin.ts";
import { stockDocumentParamsSchema, stockDocumentRequestSchema } from "./document-model.ts";
import { StockDocumentService } from "./document-service.ts";
import { StockService } from "./service.ts";

export function stockRoutes(
  ctx: StoreContext,
  service = new StockService(ctx),
  documents = new StockDocumentService(ctx),
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
        requireRole(principal, "manager", "adjusting stock");
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
      ({ body, principal, set }) => {
        requireRole(principal, "manager", "recording a stock document");
        const { document, created } = documents.create(body, principal);
        set.status = created ? 201 : 200;
        return document;
      },
      {
        body: stockDocumentRequestSchema,
        detail: {
          summary:
            "Record a stock document (a count: each line's qty is the quantity counted; posting sets stock to it), manager and up",
        },
      },
    )
    .post(
      "/stock/documents/:id/post",
      ({ params, principal }) => {
        requireRole(principal, "manager", "posting a stock document");
        return documents.post(params.id, principal);
      },
      { params: stockDocumentParamsSchema, detail: { summary: "Post a draft stock document" } },
    )
    .get(
      "/stock/documents/:id",
      ({ params, principal }) => {
        requireRole(principal, "manager", "reading stock documents");
        return documents.get(params.id);
      },
      { params: stockDocumentParamsSchema, detail: { summary: "A stock document with its lines" } },
    );
}
