import { Elysia } from "elysia";
import type { StoreContext } from "../context.ts";
import { requireAuth } from "../http/auth-plugin.ts";
import { receiptParamsSchema, receiptQuerySchema } from "./model.ts";
import { ReceiptService } from "./service.ts";

export function receiptRoutes(ctx: StoreContext, service = new ReceiptService(ctx)) {
  return new Elysia({ name: "ringup.store.receipts" }).use(requireAuth(ctx)).get(
    "/sales/:id/receipt",
    ({ params, query, principal }) => {
      const copy = service.reprint(params.id, query.columns, principal);
      if (query.format === "json") return copy;
      return new Response(copy.text, { headers: { "content-type": "text/plain; charset=utf-8" } });
    },
    {
      params: receiptParamsSchema,
      query: receiptQuerySchema,
      detail: {
        summary:
          "A copy of a sale's receipt (by sale id or receipt number), marked COPY, as text or JSON; audited as receipt.reprinted",
      },
    },
  );
}
