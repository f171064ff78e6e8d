/**
 * Shelf labels at the store: the products selected (selection.ts) laid out on a template
 * (src/core/labels) and sent to a label printer in its language (src/devices/label) as one
 * job. A template or a product that does not fit is refused before the printer is opened.
 * After a print, the price each label showed is remembered per template ("what changed since
 * the last print"), and the print is in the audit log and the journal.
 */
import { and, inArray, isNull, sql } from "drizzle-orm";
import { barcodes, labelPrints } from "../../../schema/store.ts";
import type { LabelPrintAnswer, LabelPrintRequest } from "../../api/store/labels.ts";
import {
  checkTemplateFits,
  findTemplate,
  type LabelBarcode,
  type LabelData,
  type LabelPrinter,
  type LabelTemplate,
  layoutLabel,
  unitPriceOf,
} from "../../core/labels/index.ts";
import { BUILT_IN_TEMPLATES } from "../../core/labels/template.ts";
import { formatMoney } from "../../core/money.ts";
import { recordAudit } from "../audit/service.ts";
import type { Principal } from "../auth/tokens.ts";
import type { StoreContext } from "../context.ts";
import { LabelsError } from "./errors.ts";
import { labelPromotions } from "./promotions.ts";
import { type LabelProduct, selectLabelProducts } from "./selection.ts";

/** The product's own barcode (not a pack's) as printed: EAN-13 or EAN-8, else its code in Code 128. */
export function labelBarcode(code: string, gtin14: string | undefined): LabelBarcode | undefined {
  if (gtin14?.startsWith("000000")) return { symbology: "ean8", data: gtin14.slice(6) };
  if (gtin14?.startsWith("0")) return { symbology: "ean13", data: gtin14.slice(1) };
  if (/^[\x20-\x7e]{1,40}$/.test(code)) return { symbology: "code128", data: code };
  return undefined;
}

export class LabelService {
  constructor(private readonly ctx: StoreContext) {}

  private open(uri: string): LabelPrinter {
    if (this.ctx.labelPrinters === undefined) {
      throw new LabelsError(
        "LABEL_PRINTING_UNAVAILABLE",
        "this store server was started without label printer drivers; start it with `ringup store`",
      );
    }
    return this.ctx.labelPrinters(uri);
  }

  template(name: string): LabelTemplate {
    const template = findTemplate(name, this.ctx.settings.labelTemplates);
    if (template === undefined) {
      const names = [...this.ctx.settings.labelTemplates, ...BUILT_IN_TEMPLATES].map((t) => t.name);
      throw new LabelsError(
        "LABEL_TEMPLATE_NOT_FOUND",
        `template: no label template "${name}"; there are ${names.join(", ")}`,
        {
          template: name,
          templates: names,
        },
      );
    }
    return template;
  }

  private labelData(selected: readonly LabelProduct[]): LabelData[] {
    const { currency, locale, timeZone } = this.ctx.settings;
    const own = new Map<string, string>();
    const codes = selected.map((p) => p.code);
    for (let i = 0; i < codes.length; i += 500) {
      for (const row of this.ctx.db
        .select({ barcode: barcodes.barcode, code: barcodes.productCode })
        .from(barcodes)
        .where(and(inArray(barcodes.productCode, codes.slice(i, i + 500)), isNull(barcodes.packQtyMilli)))
        .orderBy(barcodes.barcode)
        .all()) {
        if (!own.has(row.code)) own.set(row.code, row.barcode);
      }
    }
    const date = new Intl.DateTimeFormat("en-CA", { timeZone }).format(this.ctx.now());
    const promotionOf = labelPromotions(this.ctx, date);
    return selected.map((p) => {
      const unit = unitPriceOf(p);
      const barcode = labelBarcode(p.code, own.get(p.code));
      const promotion = promotionOf(p);
      return {
        code: p.code,
        name: p.name,
        price: formatMoney(p.priceMinor, currency, locale),
        ...(unit === undefined
          ? {}
          : { unitPrice: `${formatMoney(unit.minor, currency, locale)}/${unit.per}` }),
        date,
        ...(barcode === undefined ? {} : { barcode }),
        ...(promotion === undefined ? {} : { promotion }),
      };
    });
  }

  async print(request: LabelPrintRequest, principal: Principal): Promise<LabelPrintAnswer> {
    const template = this.template(request.template);
    const selected = selectLabelProducts(this.ctx, request);
    const codes = selected.map((p) => p.code);
    if (request.preview || request.printer === undefined) {
      return { template: template.name, printer: null, printed: 0, codes };
    }
    if (selected.length === 0) {
      throw new LabelsError(
        "LABEL_NOTHING_TO_PRINT",
        "no product matches the selection; nothing was printed",
        {
          template: template.name,
        },
      );
    }
    const printer = this.open(request.printer);
    try {
      checkTemplateFits(template, printer.dpmm);
      // Every label is laid out before the first byte goes out: one that does not fit stops the job.
      const layouts = this.labelData(selected).map((data) => layoutLabel(template, printer.dpmm, data));
      await printer.print(layouts, this.ctx.settings.locale);
    } finally {
      await printer.close();
    }
    const at = this.ctx.now();
    this.ctx.db.transaction((tx) => {
      for (const p of selected) {
        tx.insert(labelPrints)
          .values({
            template: template.name,
            productCode: p.code,
            priceMinor: p.priceMinor,
            printedAt: at.toISOString(),
          })
          .onConflictDoUpdate({
            target: [labelPrints.template, labelPrints.productCode],
            set: { priceMinor: sql`excluded.price_minor`, printedAt: sql`excluded.printed_at` },
          })
          .run();
      }
      recordAudit(
        this.ctx,
        tx,
        {
          action: "labels.printed",
          at,
          userId: principal.userId,
          tillId: principal.tillId,
          detail: {
            template: template.name,
            printer: printer.description,
            count: selected.length,
            selection:
              request.codes !== undefined
                ? { codes: request.codes.length }
                : request.departmentId !== undefined
                  ? { departmentId: request.departmentId }
                  : { changedSince: request.changedSince },
          },
        },
        true,
      );
    });
    return { template: template.name, printer: printer.description, printed: selected.length, codes };
  }
}
