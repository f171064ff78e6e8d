/** What EBT (a tender restricted to SNAP-eligible items) may still pay on a sale. */
import type { Quote } from "../../core/pricing.ts";
import type { StoreSettings } from "../../core/settings.ts";
import { eligibleTotalMinor, requireTenderEligibility } from "../../core/tender-eligibility.ts";
import type { TenderInput } from "../../core/tenders.ts";
import type { Sale } from "./types.ts";

export const EBT = "ebt";

function flagged(sale: Pick<Sale, "lines">, quote: Quote) {
  return quote.lines.map((line, i) => ({
    totalMinor: line.totalMinor,
    snapEligible: sale.lines[i]?.snapEligible === true,
  }));
}

/** What EBT may still pay on this sale: the eligible total less EBT tenders taken. */
export function ebtLeftMinor(sale: Pick<Sale, "lines" | "tenders">, quote: Quote): number {
  const eligible = eligibleTotalMinor(flagged(sale, quote), quote.totalMinor);
  const paid = sale.tenders.filter((t) => t.type === EBT).reduce((sum, t) => sum + t.amountMinor, 0);
  return Math.max(0, eligible - paid);
}

/** Throws TenderAboveEligibleError when the tenders pay a restricted tender above its eligible total. */
export function requireEligible(
  sale: Pick<Sale, "lines">,
  quote: Quote,
  tenders: readonly TenderInput[],
  settings: StoreSettings,
): void {
  requireTenderEligibility(
    flagged(sale, quote),
    quote.totalMinor,
    tenders,
    settings.restrictedTenders,
    settings.currency,
  );
}
