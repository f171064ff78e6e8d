/**
 * An invoice's lines and taxes per rate from a document as it was rung (a sale's or a return's
 * lines and its tax rows), without pricing anything again: the rates and amounts are those
 * recorded. Lines without tax (no class, or a class the document taxed nothing in) add up in a
 * row of their own (class "", rate "0"), so the rows always sum to the document's totals.
 */
import type { RungLine as AsRungLine } from "./as-rung.ts";

/** A line as rung (the fields an invoice prints), with its number in the document. */
export type RungLine = Pick<
  AsRungLine,
  "code" | "name" | "taxClass" | "qtyMilli" | "unitPriceMinor" | "discountMinor" | "taxMinor" | "totalMinor"
> & { lineNo: number };

export interface RungTax {
  taxClass: string;
  rate: string;
  baseMinor: number;
  taxMinor: number;
}

/** A line of an invoice: as rung, with its rate and its net, tax and gross amounts. */
export type InvoiceLine = Omit<RungLine, "totalMinor"> & {
  taxRate: string;
  netMinor: number;
  grossMinor: number;
};

export interface InvoiceTaxRow {
  taxClass: string;
  rate: string;
  netMinor: number;
  taxMinor: number;
  grossMinor: number;
}

export interface InvoiceFigures {
  lines: InvoiceLine[];
  taxes: InvoiceTaxRow[];
  netMinor: number;
  taxMinor: number;
  totalMinor: number;
}

/** Lines and taxes per rate of a document whose total (tax included) and tax are `totalMinor`, `taxMinor`. */
export function invoiceFigures(
  lines: readonly RungLine[],
  taxes: readonly RungTax[],
  doc: { totalMinor: number; taxMinor: number },
  pricesIncludeTax: boolean,
): InvoiceFigures {
  const rates = new Map(taxes.map((t) => [t.taxClass, t.rate]));
  const out: InvoiceLine[] = lines.map((l) => {
    const net = pricesIncludeTax ? l.totalMinor - l.taxMinor : l.totalMinor;
    return {
      lineNo: l.lineNo,
      code: l.code,
      name: l.name,
      qtyMilli: l.qtyMilli,
      unitPriceMinor: l.unitPriceMinor,
      discountMinor: l.discountMinor,
      taxClass: l.taxClass,
      taxRate: (l.taxClass !== null ? rates.get(l.taxClass) : undefined) ?? "0",
      netMinor: net,
      taxMinor: l.taxMinor,
      grossMinor: net + l.taxMinor,
    };
  });
  const rows: InvoiceTaxRow[] = [...taxes]
    .sort((a, b) => a.taxClass.localeCompare(b.taxClass, "en", { numeric: true }))
    .map((t) => ({
      taxClass: t.taxClass,
      rate: t.rate,
      netMinor: t.baseMinor,
      taxMinor: t.taxMinor,
      grossMinor: t.baseMinor + t.taxMinor,
    }));
  const netMinor = doc.totalMinor - doc.taxMinor;
  const taxedNet = rows.reduce((sum, r) => sum + r.netMinor, 0);
  const taxedTax = rows.reduce((sum, r) => sum + r.taxMinor, 0);
  const untaxedNet = netMinor - taxedNet;
  const untaxedTax = doc.taxMinor - taxedTax;
  if (untaxedNet !== 0 || untaxedTax !== 0) {
    rows.push({
      taxClass: "",
      rate: "0",
      netMinor: untaxedNet,
      taxMinor: untaxedTax,
      grossMinor: untaxedNet + untaxedTax,
    });
  }
  return { lines: out, taxes: rows, netMinor, taxMinor: doc.taxMinor, totalMinor: doc.totalMinor };
}
