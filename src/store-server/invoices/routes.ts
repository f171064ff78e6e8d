import { Elysia } from "elysia";
import {
  creditNoteRequestSchema,
  invoiceParamsSchema,
  invoiceRequestSchema,
  invoicesQuerySchema,
} from "../../api/store/invoices.ts";
import { requireRole } from "../auth/tokens.ts";
import type { StoreContext } from "../context.ts";
import { requireAuth } from "../http/auth-plugin.ts";
import type { InvoiceOrders } from "./order-seam.ts";
import { invoicePdf, invoiceTextLines } from "./render.ts";
import { InvoicesService } from "./service.ts";

/** Invoices on request and credit notes for returns: issued by cashiers and up, listed by managers. */
export function invoicesRoutes(ctx: StoreContext, orders?: InvoiceOrders) {
  const service = new InvoicesService(ctx, orders);
  return new Elysia({ name: "ringup.store.invoices" })
    .use(requireAuth(ctx))
    .post(
      "/invoices",
      ({ body, principal, set }) => {
        requireRole(principal, "cashier", "issuing an invoice");
        const { invoice, created } = service.issue(body, principal);
        set.status = created ? 201 : 200;
        return { ...invoice, created };
      },
      {
        body: invoiceRequestSchema,
        detail: {
          summary:
            "Issue the invoice of a sale (201), or answer the one already issued to the same buyer (200); another buyer is refused (409)",
        },
      },
    )
    .post(
      "/credit-notes",
      ({ body, principal, set }) => {
        requireRole(principal, "cashier", "issuing a credit note");
        const { invoice, created } = service.creditNote(body, principal);
        set.status = created ? 201 : 200;
        return { ...invoice, created };
      },
      {
        body: creditNoteRequestSchema,
        detail: {
          summary: "Issue the credit note of a return of an invoiced sale (or answer the one issued)",
        },
      },
    )
    .get(
      "/invoices",
      ({ query, principal }) => {
        requireRole(principal, "manager", "listing invoices");
        return service.list(query);
      },
      { query: invoicesQuerySchema, detail: { summary: "Invoices and credit notes, newest first" } },
    )
    .get(
      "/invoices/:number",
      async ({ params, principal }) => {
        requireRole(principal, "cashier", "reprinting an invoice");
        const [number = "", format] = params.number.split(".");
        const doc = service.get(number);
        if (format === "pdf") {
          return new Response(await invoicePdf(doc), {
            headers: {
              "content-type": "application/pdf",
              "content-disposition": `inline; filename="invoice-${doc.number}.pdf"`,
            },
          });
        }
        if (format === "txt") {
          return new Response(`${invoiceTextLines(doc).join("\n")}\n`, {
            headers: { "content-type": "text/plain; charset=utf-8" },
          });
        }
        return doc;
      },
      {
        params: invoiceParamsSchema,
        detail: {
          summary:
            "An invoice or credit note as issued; NUMBER.pdf answers it as an A4 PDF, NUMBER.txt as receipt-printer lines",
        },
      },
    );
}
