/**
 * In-store barcodes for products without one (src/core/in-store-barcodes.ts): chosen and saved
 * in one transaction, so two runs never hand out the same code; each product's change is a
 * `product.upserted` in the journal, as any catalog change is, so head office and the tills get it.
 */
import { and, asc, eq, isNull, like, notExists } from "drizzle-orm";
import { barcodes, products } from "../../../schema/store.ts";
import type { BarcodeAssignAnswer, BarcodeAssignRequest } from "../../api/store/barcodes.ts";
import { barcodeKey } from "../../core/code-resolution.ts";
import { checkPrefixFree, freeInStoreCodes, inStorePrefix } from "../../core/in-store-barcodes.ts";
import { CatalogService, embeddedRules } from "../catalog/service.ts";
import type { StoreContext } from "../context.ts";
import { BarcodeAssignError } from "./errors.ts";

export class BarcodeAssignService {
  private readonly catalog: CatalogService;
  constructor(private readonly ctx: StoreContext) {
    this.catalog = new CatalogService(ctx);
  }

  assign(request: BarcodeAssignRequest): BarcodeAssignAnswer {
    const kind = request.ean8 ? "ean8" : "ean13";
    checkPrefixFree(kind, request.prefix, embeddedRules(this.ctx.settings));
    const at = this.ctx.now();
    return this.ctx.db.transaction((tx) => {
      const hasOwn = tx
        .select({ one: barcodes.barcode })
        .from(barcodes)
        .where(and(eq(barcodes.productCode, products.code), isNull(barcodes.packQtyMilli)));
      const without = tx
        .select({ code: products.code })
        .from(products)
        .where(and(eq(products.active, true), notExists(hasOwn)))
        .orderBy(asc(products.code))
        .all()
        .map((r) => r.code);
      let targets = without;
      if (request.codes !== undefined) {
        const free = new Set(without);
        const refused = request.codes.filter((c) => !free.has(c));
        if (refused.length > 0) {
          throw new BarcodeAssignError(
            "BARCODE_NOT_NEEDED",
            `codes: ${refused.slice(0, 10).join(", ")} ${refused.length === 1 ? "is not an active product without a barcode" : "are not active products without a barcode"}; nothing was assigned`,
            { codes: refused },
          );
        }
        targets = [...new Set(request.codes)].sort();
      }
      // Every barcode and product code of the range, so none is handed out twice.
      const head = inStorePrefix(kind, request.prefix);
      // Barcodes are kept as GTIN-14: an EAN-13 behind one zero, an EAN-8 behind six.
      const keyHead = `${kind === "ean8" ? "000000" : "0"}${head}`;
      const taken = new Set(
        tx
          .select({ key: barcodes.barcode })
          .from(barcodes)
          .where(like(barcodes.barcode, `${keyHead}%`))
          .all()
          .map((r) => r.key),
      );
      const productCodes = new Set(
        tx
          .select({ code: products.code })
          .from(products)
          .where(like(products.code, `${head}%`))
          .all()
          .map((r) => r.code),
      );
      const codes = freeInStoreCodes(
        kind,
        request.prefix,
        targets.length,
        (code) => taken.has(barcodeKey(code)) || productCodes.has(code),
      );
      const assigned = targets.map((code, i) => ({ code, barcode: codes[i] ?? "" }));
      if (!request.preview) {
        for (const a of assigned) this.catalog.upsertInTx(tx, { code: a.code, barcodes: [a.barcode] }, at);
      }
      return { assigned, preview: request.preview };
    });
  }
}
