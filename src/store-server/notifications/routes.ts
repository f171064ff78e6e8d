import { Elysia } from "elysia";
import { receiptParamsSchema } from "../../api/store/receipts.ts";
import { receiptEmailRequestSchema } from "../../core/receipt-email.ts";
import type { StoreContext } from "../context.ts";
import { requireAuth } from "../http/auth-plugin.ts";
import { ReceiptEmailService } from "./receipt-email.ts";

export function notificationsRoutes(ctx: StoreContext, service = new ReceiptEmailService(ctx)) {
  return new Elysia({ name: "ringup.store.notifications" }).use(requireAuth(ctx)).post(
    "/sales/:id/receipt-email",
    ({ params, body, principal, set }) => {
      set.status = 202;
      return service.request(params.id, body.email, principal);
    },
    {
      params: receiptParamsSchema,
      body: receiptEmailRequestSchema,
      detail: {
        summary:
          "E-mail a recorded sale's receipt (by sale id or receipt number): queued as a signed receipt.email notification for the webhook; audited without the address",
      },
    },
  );
}
