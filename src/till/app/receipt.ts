/** The receipt of a completed sale, built from the till's own pricing so it prints at once. */
import { buildReceipt, type ReceiptDoc } from "../../core/receipt.ts";
import type { StoreSettings } from "../../core/settings.ts";
import type { CompletedSale, TillProduct } from "../services.ts";

const UNITS = new Set(["each", "kg", "lb", "g", "l", "m"]);

export interface ReceiptContext {
  settings: StoreSettings;
  locale: string;
  tillId: string;
  cashierName: string | null;
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
    lines: quote.lines.map((line) => {
      const unit = context.unitOf(line.code);
      return {
        code: line.code,
        name: line.name,
        qtyMilli: line.qtyMilli,
        unit: unit !== undefined && UNITS.has(unit) ? unit : "each",
        unitPriceMinor: line.unitPriceMinor,
        discountMinor: line.discountMinor,
        taxMinor: line.taxMinor,
        totalMinor: line.totalMinor,
      };
    }),
    taxes: quote.taxes,
    pricesIncludeTax: settings.pricesIncludeTax,
    subtotalMinor: quote.subtotalMinor,
    discountMinor: quote.discountMinor,
    taxMinor: quote.taxMinor,
    totalMinor: quote.totalMinor,
    cashRoundingMinor: sale.cashRoundingMinor,
    tenders: sale.tenders,
    changeMinor: sale.changeMinor,
  });
}
