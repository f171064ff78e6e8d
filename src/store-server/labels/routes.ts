/** `POST /labels/print`: shelf labels for a selection of products on a label printer. */
import { Elysia } from "elysia";
import { labelPrintRequestSchema } from "../../api/store/labels.ts";
import type { StoreContext } from "../context.ts";
import { requireAuth } from "../http/auth-plugin.ts";
import { LabelService } from "./service.ts";

export function labelsRoutes(ctx: StoreContext, service = new LabelService(ctx)) {
  return new Elysia({ name: "ringup.store.labels" })
    .use(requireAuth(ctx))
    .post("/labels/print", ({ body, principal }) => service.print(body, principal), {
      body: labelPrintRequestSchema,
      detail: {
        summary:
          "Print shelf labels (by codes, department, or price changed since a date or the template's last print) on a label printer (ZPL, TSPL, ESC/POS)",
      },
    });
}
