/**
 * The cost of a goods receipt's lines with the invoice's landed cost (freight, duty, handling):
 * the landed cost is allocated to the lines in proportion to their value (quantity × cost), or
 * to their quantity when no line has a value, with the largest-remainder method, so the shares
 * are whole minor units that add up to it exactly; each line's cost of one unit put on stock is
 * (value + share) per unit, rounded once with the store's mode.
 */
import { allocateLargestRemainder } from "./allocation.ts";
import { extendPrice } from "./quantity.ts";
import { divRound, type RoundingMode } from "./rounding.ts";
import { toSafeNumber } from "./safe-integer.ts";

export interface ReceiptLineCost {
  /** quantity × cost, rounded. */
  valueMinor: number;
  /** The line's share of the landed cost. */
  landedMinor: number;
  /** (value + share) per unit, rounded. */
  unitCostMinor: number;
}

export function costReceiptLines(
  lines: readonly { qtyMilli: number; costMinor: number }[],
  landedMinor: number,
  mode: RoundingMode,
): ReceiptLineCost[] {
  const values = lines.map((l) => extendPrice(l.costMinor, l.qtyMilli, mode));
  const byValue = values.some((v) => v > 0);
  const shares =
    landedMinor === 0
      ? lines.map(() => 0)
      : allocateLargestRemainder(landedMinor, byValue ? values : lines.map((l) => l.qtyMilli));
  return lines.map((l, i) => {
    const valueMinor = values[i] ?? 0;
    const share = shares[i] ?? 0;
    return {
      valueMinor,
      landedMinor: share,
      unitCostMinor: toSafeNumber(divRound(BigInt(valueMinor + share) * 1000n, BigInt(l.qtyMilli), mode)),
    };
  });
}
