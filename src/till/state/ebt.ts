/**
 * EBT at the till: a tender restricted to SNAP-eligible items may pay at most what those items
 * come to (after their discounts), less what EBT already paid; the payment screen shows it.
 */
import { paymentProgress } from "./basket.ts";
import { EBT, ebtLeftMinor } from "./ebt-limits.ts";
import { fail } from "./initial.ts";
import { parseAmount } from "./parse-input.ts";
import { tender } from "./payment.ts";
import type { TillEnv, TillState, Transition } from "./types.ts";

/** Ctrl+F in payment: EBT for the typed amount, or for as much of what is due as is eligible. */
export function payEbt(state: TillState, env: TillEnv): Transition {
  const quote = state.quote;
  if (quote === null) return fail(state, "error.emptySale");
  const left = ebtLeftMinor(state.sale, quote);
  if (left === 0) return fail({ ...state, input: "" }, "error.nothingEligible");
  const progress = paymentProgress(quote, state.sale.tenders, env.settings);
  const text = state.input.trim();
  const amountMinor =
    text === "" ? Math.min(left, progress.remainingMinor) : parseAmount(text, env.settings.currency);
  if (amountMinor === null || amountMinor <= 0) {
    return text === "" ? fail(state, "error.nothingDue") : fail(state, "error.badAmount", { text });
  }
  if (amountMinor > left)
    return fail({ ...state, input: "" }, "error.ebtAboveEligible", { eligibleMinor: left });
  return tender(state, { type: EBT, amountMinor }, env);
}
