/** Receipts and shift reports as documents: shown on screen as text, printed when there is a printer. */
import { buildReceipt, type ReceiptDoc, returnCodeFor } from "../../core/receipt.ts";
import { buildShiftReport, type ShiftReportDoc } from "../../core/receipt-shift-report.ts";
import type { StoreSettings } from "../../core/settings.ts";
import type { CompletedSale, TillProduct } from "../services.ts";

const UNITS = new Set(["each", "kg", "lb", "g", "l", "m"]);

export interface ReceiptContext {
  settings: StoreSettings;
  locale: string;
  tillId: string;
  cashierName: string | null;
  /** The link to the sale's copy at the store (a QR code on the receipt); null: none. */
  copyUrl?: string | null;
  /** Unit of each code rung, for weighed items. */
  unitOf(code: string): TillProduct["unit"] | undefined;
}

export function saleReceipt(sale: CompletedSale, context: ReceiptContext): ReceiptDoc {
  const { settings, quote } = { settings: context.settings, quote: sale.quote };
  return buildReceipt({
    kind: "sale",
    saleId: sale.id,
    receiptNo: sale.receiptNo,
    at: sale.at,
    timeZone: settings.timeZone,
    currency: settings.currency,
    locale: context.locale,
    store: { name: settings.storeName, addressLines: settings.addressLines },
    tillId: context.tillId,
    ...(context.cashierName ? { cashierName: context.cashierName } : {}),
    lines: quote.lines.map((line, i) => {
      const unit = context.unitOf(line.code);
      // Quote lines follow the sale's lines one for one (as the outbox sends them).
      const rung = sale.lines[i];
      return {
        code: line.code,
        name: line.name,
        qtyMilli: line.qtyMilli,
        unit: unit !== undefined && UNITS.has(unit) ? unit : "each",
        unitPriceMinor: line.unitPriceMinor,
        discountMinor: line.discountMinor,
        taxMinor: line.taxMinor,
        totalMinor: line.totalMinor,
        ...(rung?.lot === undefined ? {} : { lot: rung.lot }),
        ...(rung?.expiry === undefined ? {} : { expiry: rung.expiry }),
        ...(rung?.serial === undefined ? {} : { serial: rung.serial }),
      };
    }),
    taxes: quote.taxes,
    pricesIncludeTax: settings.pricesIncludeTax,
    subtotalMinor: quote.subtotalMinor,
    discountMinor: quote.discountMinor,
    promotions: (quote.promotions ?? []).map((p) => ({ name: p.name, discountMinor: p.discountMinor })),
    taxMinor: quote.taxMinor,
    totalMinor: quote.totalMinor,
    cashRoundingMinor: sale.cashRoundingMinor,
    tenders: sale.tenders.map((t) => {
      const label = sale.tenderNames?.[t.type];
      return { type: t.type, amountMinor: t.amountMinor, ...(label === undefined ? {} : { label }) };
    }),
    changeMinor: sale.changeMinor,
    // The card terminal's authorisation of each card tender.
    cardSlipLines: sale.tenders.flatMap((t) => (t.ref === undefined ? [] : [`CARD AUTH ${t.ref}`])),
    footerLines: [...staffDiscountLines(sale), ...(sale.receiptTexts ?? [])],
    ...(context.copyUrl ? { copyUrl: context.copyUrl } : {}),
    returnCode: returnCodeFor(settings),
    ...(settings.receipt.barcode && sale.prizeCode !== undefined ? { prizeBarcode: sale.prizeCode } : {}),
    ...(sale.fiscal === undefined ? {} : { fiscal: sale.fiscal }),
  });
}

/** Whose staff discount the sale's discount was, printed under the totals. */
function staffDiscountLines(sale: CompletedSale): string[] {
  return sale.audit.flatMap((entry) => {
    const d = entry.detail;
    if (entry.action !== "discount.given" || d?.reason !== "staff") return [];
    return [`STAFF DISCOUNT ${String(d.percent)}% ${String(d.staffName ?? d.staffId)}`];
  });
}

/**
 * The store's X or Z report as a printable document in the till's language, or null when the
 * answer does not have the shape of a shift report (then the screen lists its fields as they are).
 */
export function shiftReportDoc(
  report: unknown,
  settings: StoreSettings,
  locale: string,
): ShiftReportDoc | null {
  if (typeof report !== "object" || report === null) return null;
  const r = report as Record<string, unknown>;
  const number =
    typeof r.zNumber === "number" ? r.zNumber : typeof r.shiftId === "string" ? r.shiftId.slice(-6) : "";
  const cash = typeof r.cash === "object" && r.cash !== null ? r.cash : undefined;
  try {
    return buildShiftReport({
      ...r,
      number,
      ...(cash ? { cash } : {}),
      store: { name: settings.storeName, addressLines: settings.addressLines },
      timeZone: settings.timeZone,
      locale,
    });
  } catch {
    return null;
  }
}
