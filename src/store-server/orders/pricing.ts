/**
 * An order's lines priced by the store as a sale of them would be: each line at the price the
 * web shop sold it at, or the catalog's; the total with taxes and deposits from the store's
 * pricing, so the sale recorded at collection comes to the same total.
 */
import type { OrderLine } from "../../api/store/orders.ts";
import { milliToDecimalString, parseQuantityMilli } from "../../core/quantity.ts";
import type { SalesService } from "../sales/service.ts";

export interface LineInput {
  code: string;
  qtyMilli: number;
  unitPriceMinor?: number | undefined;
  shortMilli?: number | undefined;
  substitutes?: string | undefined;
}

export function lineInputsOf(
  lines: readonly { code: string; qty: string | number; unitPriceMinor?: number | undefined }[],
  previous: readonly OrderLine[] = [],
): LineInput[] {
  return lines.map((l) => {
    const qtyMilli = parseQuantityMilli(l.qty);
    // A product the order already had keeps the price it was sold at.
    const kept = previous.find((p) => p.code === l.code.trim())?.unitPriceMinor;
    const unitPriceMinor = l.unitPriceMinor ?? kept;
    return unitPriceMinor === undefined
      ? { code: l.code, qtyMilli }
      : { code: l.code, qtyMilli, unitPriceMinor };
  });
}

/** An order's lines as they are, to re-price or to sell. */
export function inputsOfLines(lines: readonly OrderLine[]): LineInput[] {
  return lines.map((l) => ({
    code: l.code,
    qtyMilli: l.qtyMilli,
    unitPriceMinor: l.unitPriceMinor,
    shortMilli: l.shortMilli,
    substitutes: l.substitutes,
  }));
}

export interface PricedOrder {
  lines: OrderLine[];
  totalMinor: number;
}

/** The sale lines of an order: lines with nothing to hand over are left out. */
export function saleLinesOf(
  lines: readonly LineInput[],
): { code: string; qty: string; unitPriceMinor?: number }[] {
  return lines
    .filter((l) => l.qtyMilli > 0)
    .map((l) => ({
      code: l.code,
      qty: milliToDecimalString(l.qtyMilli),
      ...(l.unitPriceMinor === undefined ? {} : { unitPriceMinor: l.unitPriceMinor }),
    }));
}

export function priceOrder(
  sales: SalesService,
  inputs: readonly LineInput[],
  customerId: string | null,
): PricedOrder {
  const saleLines = saleLinesOf(inputs);
  if (saleLines.length === 0) {
    return {
      lines: inputs.map((l) => ({ ...describe(sales, l), qty: 0, qtyMilli: 0, totalMinor: 0 })),
      totalMinor: 0,
    };
  }
  const quote = sales.quote(customerId === null ? { lines: saleLines } : { lines: saleLines, customerId });
  const items = quote.lines.filter((l) => l.kind === undefined);
  let next = 0;
  const lines = inputs.map((input) => {
    if (input.qtyMilli === 0) return { ...describe(sales, input), qty: 0, qtyMilli: 0, totalMinor: 0 };
    const quoted = items[next++];
    if (!quoted) throw new Error(`order line ${input.code} was not priced`);
    const line: OrderLine = {
      code: quoted.code,
      name: quoted.name,
      qty: quoted.qty,
      qtyMilli: quoted.qtyMilli,
      unitPriceMinor: quoted.unitPriceMinor,
      totalMinor: quoted.totalMinor,
    };
    if (input.shortMilli !== undefined && input.shortMilli > 0) line.shortMilli = input.shortMilli;
    if (input.substitutes !== undefined) line.substitutes = input.substitutes;
    return line;
  });
  return { lines, totalMinor: quote.totalMinor };
}

/** A line picked as none: its product and price, nothing to hand over. */
function describe(sales: SalesService, input: LineInput): OrderLine {
  const { product } = sales.catalog.lookup(input.code);
  const line: OrderLine = {
    code: product.code,
    name: product.name,
    qty: 0,
    qtyMilli: 0,
    unitPriceMinor: input.unitPriceMinor ?? product.priceMinor,
    totalMinor: 0,
  };
  if (input.shortMilli !== undefined && input.shortMilli > 0) line.shortMilli = input.shortMilli;
  if (input.substitutes !== undefined) line.substitutes = input.substitutes;
  return line;
}
