/**
 * Pricing a return from the original sale, exactly. Each returned part of a line refunds the
 * difference of the cumulative pro-rata shares, `share(X, returnedAfter) − share(X, returnedBefore)`
 * with `share(X, q) = round(X × q / sold)`, for the line's total, discount and tax. Returning a
 * line in any number of parts therefore refunds exactly its original amounts.
 */

import type { ReturnedLine, TaxRow } from "../../api/store/returns.ts";
import { milliToDecimalString } from "../../core/quantity.ts";
import { divRound, type RoundingMode } from "../../core/rounding.ts";
import { ReturnError } from "./errors.ts";

/** A line of the original sale with what was already returned of it. */
export interface SoldLine {
  lineNo: number;
  code: string;
  name: string;
  department: string | null;
  taxClass: string | null;
  qtyMilli: number;
  unitPriceMinor: number;
  extendedMinor: number;
  discountMinor: number;
  taxMinor: number;
  totalMinor: number;
  returnedMilli: number;
}

/** A requested return line, its code already resolved to the product code. */
export interface ReturnAsk {
  /** Position in the request, from 1 (for error messages). */
  position: number;
  code: string;
  qtyMilli: number;
  lineNo?: number;
}

export interface ReturnPick {
  line: SoldLine;
  qtyMilli: number;
}

function share(amountMinor: number, qtyMilli: number, soldMilli: number, mode: RoundingMode): bigint {
  return divRound(BigInt(amountMinor) * BigInt(qtyMilli), BigInt(soldMilli), mode);
}

function qtyText(milli: number): string {
  return milliToDecimalString(milli);
}

/**
 * Spreads each asked quantity over the sale's lines of that product (in line order, or the
 * named line), never beyond what is left to return. Throws RETURN_EXCEEDS_SOLD otherwise.
 */
export function pickLines(sold: readonly SoldLine[], asks: readonly ReturnAsk[]): ReturnPick[] {
  const left = new Map(sold.map((l) => [l.lineNo, l.qtyMilli - l.returnedMilli]));
  const picks: ReturnPick[] = [];
  for (const ask of asks) {
    const candidates = sold.filter(
      (l) => l.code === ask.code && (ask.lineNo === undefined || l.lineNo === ask.lineNo),
    );
    const where = `line ${ask.position} (${ask.code})`;
    if (candidates.length === 0) {
      throw new ReturnError(
        "NOT_ON_SALE",
        ask.lineNo === undefined
          ? `${where}: the original sale has no line with this product`
          : `${where}: line ${ask.lineNo} of the original sale is not this product`,
        { line: ask.position, code: ask.code, lineNo: ask.lineNo ?? null },
      );
    }
    const available = candidates.reduce((sum, l) => sum + (left.get(l.lineNo) ?? 0), 0);
    if (ask.qtyMilli > available) {
      const soldMilli = candidates.reduce((sum, l) => sum + l.qtyMilli, 0);
      throw new ReturnError(
        "RETURN_EXCEEDS_SOLD",
        `${where}: ${qtyText(ask.qtyMilli)} asked back, but only ${qtyText(available)} of the ${qtyText(soldMilli)} sold is left to return`,
        {
          line: ask.position,
          code: ask.code,
          requestedMilli: ask.qtyMilli,
          soldMilli,
          returnableMilli: available,
        },
      );
    }
    let rest = ask.qtyMilli;
    for (const line of candidates) {
      if (rest === 0) break;
      const take = Math.min(rest, left.get(line.lineNo) ?? 0);
      if (take === 0) continue;
      left.set(line.lineNo, (left.get(line.lineNo) ?? 0) - take);
      rest -= take;
      const same = picks.find((p) => p.line.lineNo === line.lineNo);
      if (same) same.qtyMilli += take;
      else picks.push({ line, qtyMilli: take });
    }
  }
  return picks;
}

/** The refund of returning `qtyMilli` more of a sold line (after `line.returnedMilli`). */
export function refundOfPick(pick: ReturnPick, lineNo: number, mode: RoundingMode): ReturnedLine {
  const { line, qtyMilli } = pick;
  const before = line.returnedMilli;
  const after = before + qtyMilli;
  const part = (amountMinor: number) =>
    Number(share(amountMinor, after, line.qtyMilli, mode) - share(amountMinor, before, line.qtyMilli, mode));
  const totalMinor = part(line.totalMinor);
  const discountMinor = part(line.discountMinor);
  return {
    lineNo,
    originalLineNo: line.lineNo,
    code: line.code,
    name: line.name,
    department: line.department,
    taxClass: line.taxClass,
    qty: Number(qtyText(qtyMilli)),
    qtyMilli,
    unitPriceMinor: line.unitPriceMinor,
    extendedMinor: totalMinor + discountMinor,
    discountMinor,
    taxMinor: part(line.taxMinor),
    totalMinor,
  };
}

export interface RefundTotals {
  subtotalMinor: number;
  discountMinor: number;
  taxMinor: number;
  /** What is owed back: line totals, plus tax when prices exclude it. */
  totalMinor: number;
  taxes: TaxRow[];
}

/**
 * Totals and tax breakdown of returned lines. `rates` gives each tax class's rate (the original
 * sale's, so a rate changed since does not alter the refund); `order` the order of the rows.
 */
export function refundTotals(
  lines: readonly ReturnedLine[],
  pricesIncludeTax: boolean,
  rates: ReadonlyMap<string, string>,
  order: readonly string[],
): RefundTotals {
  const sum = (pick: (l: ReturnedLine) => number) => lines.reduce((s, l) => s + pick(l), 0);
  const byClass = new Map<string, { base: number; tax: number }>();
  for (const l of lines) {
    if (l.taxClass === null) continue;
    const entry = byClass.get(l.taxClass) ?? { base: 0, tax: 0 };
    entry.base += pricesIncludeTax ? l.totalMinor - l.taxMinor : l.totalMinor;
    entry.tax += l.taxMinor;
    byClass.set(l.taxClass, entry);
  }
  const rank = (c: string) => {
    const i = order.indexOf(c);
    return i === -1 ? order.length : i;
  };
  const taxes = [...byClass.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([taxClass, { base, tax }]) => ({
      taxClass,
      rate: rates.get(taxClass) ?? "0",
      baseMinor: base,
      taxMinor: tax,
    }));
  const linesTotal = sum((l) => l.totalMinor);
  const taxMinor = sum((l) => l.taxMinor);
  return {
    subtotalMinor: sum((l) => l.extendedMinor),
    discountMinor: sum((l) => l.discountMinor),
    taxMinor,
    totalMinor: pricesIncludeTax ? linesTotal : linesTotal + taxMinor,
    taxes,
  };
}
