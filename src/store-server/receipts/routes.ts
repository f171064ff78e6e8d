import { Elysia } from "elysia";
import type { ReceiptLinkKeyAnswer } from "../../api/store/answers.ts";
import {
  receiptLinkParamsSchema,
  receiptLinkQuerySchema,
  receiptParamsSchema,
  receiptQuerySchema,
} from "../../api/store/receipts.ts";
import type { StoreContext } from "../context.ts";
import { requireAuth } from "../http/auth-plugin.ts";
import { COPY_HEADERS, receiptPage } from "./copy-page.ts";
import { ReceiptService } from "./service.ts";

/** Columns of the copy at its link: as 80 mm paper prints it. */
const LINK_COLUMNS = 48;

export function receiptRoutes(ctx: StoreContext, service = new ReceiptService(ctx)) {
  return new Elysia({ name: "ringup.store.receipts" })
    .use(requireAuth(ctx))
    .get(
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
    )
    .get("/receipt-links/key", (): ReceiptLinkKeyAnswer => ({ key: ctx.receiptLinkKey.toString("hex") }), {
      detail: {
        summary:
          "The key tills make receipts' links (/r/<token>) with, so a receipt printed offline carries its link",
      },
    });
}

/** `/r/:token`: the receipt's copy for whoever holds its link; no token needed, nothing listed. */
export function receiptLinkRoutes(ctx: StoreContext, service = new ReceiptService(ctx)) {
  return new Elysia({ name: "ringup.store.receipt-links" }).get(
    "/r/:token",
    ({ params, query }) => {
      const copy = service.byLink(params.token, LINK_COLUMNS);
      if (query.format === "text") {
        return new Response(copy.text, {
          headers: { ...COPY_HEADERS, "content-type": "text/plain; charset=utf-8" },
        });
      }
      const page = receiptPage({
        title: `${ctx.settings.storeName} ${copy.receiptNo}`,
        text: copy.text,
        lang: copy.doc.locale,
      });
      return new Response(page, { headers: { ...COPY_HEADERS, "content-type": "text/html; charset=utf-8" } });
    },
    {
      params: receiptLinkParamsSchema,
      query: receiptLinkQuerySchema,
      detail: {
        summary: "A receipt's copy at its link (printed as a QR code), as a page or as text (?format=text)",
        security: [],
      },
    },
  );
}
