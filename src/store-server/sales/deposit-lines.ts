/**
 * The parts of recording a sale that deposits and restricted tenders add: a line's signed
 * quantity (returned empties are negative), and the cap on restricted tenders (EBT).
 */

import type { QuotedLine } from "../../api/store/sales.ts";
import { DomainError, RestatedError } from "../../core/errors.ts";
import { parseQuantityMilli } from "../../core/quantity.ts";
import { requireTenderEligibility } from "../../core/tender-eligibility.ts";
import type { StoreContext } from "../context.ts";
import { SaleError } from "./errors.ts";

/** A line's quantity in milli-units: negative only for a deposit return. */
export function rungQtyMilli(
  line: { code: string; qty: string | number; kind?: string | undefined },
  index: number,
): number {
  const text = String(line.qty);
  const negative = text.startsWith("-");
  const where = `line ${index + 1} (${line.code})`;
  if (negative !== (line.kind === "depositReturn")) {
    throw new SaleError(
      negative ? "INVALID_QUANTITY" : "INVALID_DEPOSIT_RETURN",
      negative
        ? `${where}: only returned empties (kind "depositReturn") have a negative quantity`
        : `${where}: returned empties (kind "depositReturn") have a negative quantity`,
    );
  }
  try {
    const milli = parseQuantityMilli(negative ? text.slice(1) : text);
    return negative ? -milli : milli;
  } catch (err) {
    if (err instanceof DomainError) throw new RestatedError(err, `${where}: ${err.message}`);
    throw err;
  }
}

/** Refuses a restricted tender (EBT) above the sale's eligible total: TENDER_ABOVE_ELIGIBLE. */
export function requireEligibleTenders(
  ctx: StoreContext,
  lines: readonly QuotedLine[],
  totalMinor: number,
  tenders: readonly { type: string; amountMinor: number }[],
): void {
  requireTenderEligibility(lines, totalMinor, tenders, ctx.settings.restrictedTenders, ctx.settings.currency);
}
