/**
 * The tare and shelf life of weighed goods, kept at the store for its label scales (the catalog
 * carries neither). Setting them is audited and journaled; the next sync sends the PLUs whose
 * tare or shelf life changed.
 */
import { eq } from "drizzle-orm";
import { products, scaleProductDetails } from "../../../schema/store.ts";
import type { ScaleProductDetails, ScaleProductDetailsAnswer } from "../../api/store/scales.ts";
import { recordAudit } from "../audit/service.ts";
import type { Principal } from "../auth/tokens.ts";
import type { StoreContext } from "../context.ts";
import { ScalesError } from "./errors.ts";

export function setScaleProductDetails(
  ctx: StoreContext,
  code: string,
  details: ScaleProductDetails,
  principal: Principal,
): ScaleProductDetailsAnswer {
  const at = ctx.now();
  return ctx.db.transaction((tx) => {
    const product = tx.select({ code: products.code }).from(products).where(eq(products.code, code)).get();
    if (product === undefined) {
      throw new ScalesError("SCALE_PRODUCT_NOT_FOUND", `scale: no product "${code}"; nothing was changed`, {
        code,
      });
    }
    const row = { productCode: code, ...details, updatedAt: at.toISOString() };
    tx.insert(scaleProductDetails)
      .values(row)
      .onConflictDoUpdate({ target: scaleProductDetails.productCode, set: row })
      .run();
    recordAudit(
      ctx,
      tx,
      {
        action: "scales.product_set",
        at,
        userId: principal.userId,
        tillId: principal.tillId,
        refId: code,
        detail: { code, ...details },
      },
      true,
    );
    return { code, ...details };
  });
}
