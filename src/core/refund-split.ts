/**
 * Refunds go back the way the customer paid: card to card, cash to cash. What a sale can still
 * refund per tender type is what was paid with it (cash net of the change given) less what
 * earlier returns of the sale paid back with it. A refund takes the non-cash tenders first, in
 * the sale's order, each up to what it can still refund; the rest is paid back in cash,
 * rounded to the smallest coin when the store rounds cash. Used by the store (a return without
 * explicit tenders) and the till (to know what to refund on the card terminal).
 */
import { cashRound } from "./cash-rounding.ts";
import { DEFAULT_TENDER_TYPES, type TenderInput, type TenderType } from "./tenders.ts";

export interface TenderAmount {
  type: string;
  amountMinor: number;
}

function isCashType(type: string, tenderTypes: readonly TenderType[]): boolean {
  return tenderTypes.find((t) => t.type === type)?.isCash ?? false;
}

/**
 * Per tender type, in the order the sale first used it: what is left to refund.
 * `refunded` is every refund tender of earlier returns of the sale (in any store).
 */
export function refundableByTender(
  paid: readonly TenderAmount[],
  changeMinor: number,
  refunded: readonly TenderAmount[],
  tenderTypes: readonly TenderType[] = DEFAULT_TENDER_TYPES,
): TenderAmount[] {
  const left = new Map<string, number>();
  for (const t of paid) left.set(t.type, (left.get(t.type) ?? 0) + t.amountMinor);
  // Change is given in cash: it comes off the first cash tender the sale took.
  const cashType = [...left.keys()].find((type) => isCashType(type, tenderTypes));
  if (cashType !== undefined && changeMinor > 0) {
    left.set(cashType, (left.get(cashType) ?? 0) - changeMinor);
  }
  for (const r of refunded) {
    if (left.has(r.type)) left.set(r.type, (left.get(r.type) ?? 0) - r.amountMinor);
  }
  return [...left.entries()].map(([type, amountMinor]) => ({ type, amountMinor: Math.max(0, amountMinor) }));
}

/**
 * Splits a refund over what the sale can still refund per tender: non-cash first (in order),
 * then cash for the rest, rounded by `cashRoundingMinor` (0: none). A rest beyond what was paid
 * in cash (a sale paid only by card whose card part is used up) is paid back in cash too.
 */
export function splitRefund(
  refundMinor: number,
  refundable: readonly TenderAmount[],
  cashRoundingMinor: number,
  tenderTypes: readonly TenderType[] = DEFAULT_TENDER_TYPES,
): TenderInput[] {
  const out: TenderInput[] = [];
  let rest = refundMinor;
  for (const t of refundable) {
    if (rest <= 0) break;
    if (isCashType(t.type, tenderTypes)) continue;
    const take = Math.min(rest, t.amountMinor);
    if (take > 0) {
      out.push({ type: t.type, amountMinor: take });
      rest -= take;
    }
  }
  if (rest > 0) {
    const cashType =
      refundable.find((t) => isCashType(t.type, tenderTypes))?.type ??
      tenderTypes.find((t) => t.isCash)?.type ??
      "cash";
    const amountMinor = cashRoundingMinor > 0 ? cashRound(rest, cashRoundingMinor).roundedMinor : rest;
    if (amountMinor > 0) out.push({ type: cashType, amountMinor });
  }
  return out;
}
