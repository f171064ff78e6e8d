/**
 * Bank transfer in payment (the discount key, F8 by default, which has no use there): the typed
 * amount, or everything still due, paid by transfer to the shop's account. Like a card it gives
 * no change, so more than is due is refused and nothing is taken.
 */
import { paymentProgress } from "./basket.ts";
import { fail } from "./initial.ts";
import { parseAmount } from "./parse-input.ts";
import { tender } from "./payment.ts";
import type { TillEnv, TillState, Transition } from "./types.ts";

export const BANK_TRANSFER_TENDER = "bank_transfer";

export function payBankTransfer(state: TillState, env: TillEnv): Transition {
  if (state.quote === null) return fail(state, "error.emptySale");
  const text = state.input.trim();
  const amountMinor =
    text === ""
      ? paymentProgress(state.quote, state.sale.tenders, env.settings).remainingMinor
      : parseAmount(text, env.settings.currency);
  if (amountMinor === null || amountMinor === 0) {
    return text === "" ? fail(state, "error.nothingDue") : fail(state, "error.badAmount", { text });
  }
  return tender(state, { type: BANK_TRANSFER_TENDER, amountMinor }, env);
}
