/**
 * The refund of returned parts of a recorded sale, as the store computes it: each part repays
 * the difference of cumulative pro-rata shares of the line's total (and tax, when prices
 * exclude it), so a line returned in parts repays exactly what was paid for it.
 */
import { divRound, type RoundingMode } from "../../core/rounding.ts";
import type { RecordedSale } from "../services.ts";
import type { ReturnPick } from "./types.ts";

function share(amountMinor: number, qtyMilli: number, soldMilli: number, mode: RoundingMode): bigint {
  return divRound(BigInt(amountMinor) * BigInt(qtyMilli), BigInt(soldMilli), mode);
}

export function returnableMilli(line: RecordedSale["lines"][number]): number {
  return Math.max(0, line.qtyMilli - (line.returnedMilli ?? 0));
}

export function refundMinor(
  sale: RecordedSale,
  picks: readonly ReturnPick[],
  pricesIncludeTax: boolean,
  mode: RoundingMode,
): number {
  let total = 0n;
  for (const pick of picks) {
    const line = sale.lines.find((l) => l.lineNo === pick.lineNo);
    if (line === undefined || line.qtyMilli <= 0) continue;
    const before = line.returnedMilli ?? 0;
    const after = before + pick.qtyMilli;
    const part = (amount: number) =>
      share(amount, after, line.qtyMilli, mode) - share(amount, before, line.qtyMilli, mode);
    total += part(line.totalMinor);
    if (!pricesIncludeTax) total += part(line.taxMinor ?? 0);
  }
  return Number(total);
}
