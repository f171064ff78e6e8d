import { Elysia } from "elysia";
import { fiscalExportQuerySchema } from "../../api/store/fiscal.ts";
import { requireRole } from "../auth/tokens.ts";
import type { StoreContext } from "../context.ts";
import { requireAuth } from "../http/auth-plugin.ts";
import { exportFiscalSignatures } from "./service.ts";

/** `GET /fiscal/signatures?from&to`, for managers (the tax office's export of signed transactions). */
export function fiscalRoutes(ctx: StoreContext) {
  return new Elysia({ name: "ringup.store.fiscal" })
    .use(requireAuth(ctx))
    .derive(({ principal }) => {
      requireRole(principal, "manager", "exporting the fiscal signatures");
      return {};
    })
    .get("/fiscal/signatures", ({ query }) => exportFiscalSignatures(ctx, query), {
      query: fiscalExportQuerySchema,
      detail: {
        summary:
          "The sales of a period with their signature device's signature (transaction, counter, times, signature), or why they have none",
      },
    });
}
