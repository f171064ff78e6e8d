/** Small arithmetic on report figures: sums of sales minus returns, net of tax. */
import type { Figures } from "../../api/store/reports.ts";

/** Sums as SQL answers them (a SUM over no rows is null). */
export interface SqlSums {
  gross: number | null;
  discount: number | null;
  tax: number | null;
  total: number | null;
}

export const ZERO: Figures = { grossMinor: 0, discountMinor: 0, netMinor: 0, taxMinor: 0, totalMinor: 0 };

/** Document figures (sales or returns rows): net is always total − tax. */
export function documentFigures(s: SqlSums | null | undefined): Figures {
  const total = s?.total ?? 0;
  const tax = s?.tax ?? 0;
  return {
    grossMinor: s?.gross ?? 0,
    discountMinor: s?.discount ?? 0,
    netMinor: total - tax,
    taxMinor: tax,
    totalMinor: total,
  };
}

/**
 * Line figures: a line's total is after discount, with the tax inside it when prices include
 * tax and without it otherwise.
 */
export function lineFigures(s: SqlSums | null | undefined, pricesIncludeTax: boolean): Figures {
  const lineTotal = s?.total ?? 0;
  const tax = s?.tax ?? 0;
  return {
    grossMinor: s?.gross ?? 0,
    discountMinor: s?.discount ?? 0,
    netMinor: pricesIncludeTax ? lineTotal - tax : lineTotal,
    taxMinor: tax,
    totalMinor: pricesIncludeTax ? lineTotal : lineTotal + tax,
  };
}

export function minus(a: Figures, b: Figures): Figures {
  return {
    grossMinor: a.grossMinor - b.grossMinor,
    discountMinor: a.discountMinor - b.discountMinor,
    netMinor: a.netMinor - b.netMinor,
    taxMinor: a.taxMinor - b.taxMinor,
    totalMinor: a.totalMinor - b.totalMinor,
  };
}
