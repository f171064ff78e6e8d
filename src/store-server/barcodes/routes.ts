/** `POST /barcodes/assign`: in-store barcodes for products that have none. */
import { Elysia } from "elysia";
import { barcodeAssignRequestSchema } from "../../api/store/barcodes.ts";
import type { StoreContext } from "../context.ts";
import { requireAuth } from "../http/auth-plugin.ts";
import { BarcodeAssignService } from "./service.ts";

export function barcodesRoutes(ctx: StoreContext, service = new BarcodeAssignService(ctx)) {
  return new Elysia({ name: "ringup.store.barcodes" })
    .use(requireAuth(ctx))
    .post("/barcodes/assign", ({ body }) => service.assign(body), {
      body: barcodeAssignRequestSchema,
      detail: {
        summary:
          "Give products without a barcode an in-store one (restricted-circulation EAN-13 prefix 20–29, or EAN-8), journaled as product changes",
      },
    });
}
