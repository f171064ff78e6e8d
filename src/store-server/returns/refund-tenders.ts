/**
 * Checking refund tenders: together they pay back exactly the refund. Non-cash tenders pay
 * back first; the cash part may be rounded to the smallest coin when the store rounds cash.
 */
import { cashRound } from "../../core/cash-rounding.ts";
import type { PricingSettings } from "../../core/pricing.ts";
import { UnknownTenderError } from "../../core/pricing-errors.ts";
import { DEFAULT_TENDER_TYPES, type TenderInput, type TenderType } from "../../core/tenders.ts";
import { ReturnError } from "./errors.ts";

/** Answers the cash rounding of the refund (cash paid back − cash part due). */
export function checkRefundTenders(
  refundMinor: number,
  tenders: readonly TenderInput[],
  settings: PricingSettings,
  tenderTypes: readonly TenderType[] = DEFAULT_TENDER_TYPES,
): { cashRoundingMinor: number } {
  let cash = 0;
  let nonCash = 0;
  for (const t of tenders) {
    const kind = tenderTypes.find((k) => k.type === t.type);
    if (!kind)
      throw new UnknownTenderError(
        t.type,
        tenderTypes.map((k) => k.type),
      );
    if (kind.isCash) cash += t.amountMinor;
    else nonCash += t.amountMinor;
  }
  const paid = cash + nonCash;
  const mismatch = (cashDueMinor: number) =>
    new ReturnError(
      "REFUND_TENDER_MISMATCH",
      `the refund tenders pay back ${paid} minor units, but the refund is ${refundMinor}${
        cashDueMinor !== refundMinor - nonCash ? ` (${cashDueMinor} in cash after rounding)` : ""
      }: pay back exactly the refund`,
      { refundMinor, paidMinor: paid, cashDueMinor },
    );
  if (nonCash > refundMinor) throw mismatch(0);
  const rest = refundMinor - nonCash;
  const rounded =
    settings.cashRoundingMinor > 0 ? cashRound(rest, settings.cashRoundingMinor).roundedMinor : rest;
  if (cash === rest) return { cashRoundingMinor: 0 };
  // A cash refund rounds to the smallest coin (possibly to nothing when no other tender pays back).
  if (settings.cashRoundingMinor > 0 && cash === rounded && (cash > 0 || nonCash === 0)) {
    return { cashRoundingMinor: rounded - rest };
  }
  throw mismatch(cash > 0 ? rounded : rest);
}
