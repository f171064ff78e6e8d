/**
 * Payment: cash with change (an empty Enter is exact cash), card for the rest or for a typed
 * amount, several tenders in any mix. The sale completes as soon as the tenders cover it.
 */
import { DomainError } from "../../core/errors.ts";
import type { Quote } from "../../core/pricing.ts";
import { TenderShortError } from "../../core/pricing-errors.ts";
import { settle, type TenderInput } from "../../core/tenders.ts";
import { localErrorMessage } from "../app/error-message.ts";
import { withApproval } from "./approvals.ts";
import { paymentProgress, priceSale, promotionsAt, toTillLine } from "./basket.ts";
import { askCard } from "./card.ts";
import { customTenderExtras, tenderTypesAt } from "./custom-tender-sale.ts";
import { requireEligible } from "./ebt-limits.ts";
import { done, fail, failWith, goTo, msg } from "./initial.ts";
import { receiptExtrasOf } from "./messages.ts";
import { parseAmount } from "./parse-input.ts";
import type { TillEnv, TillState, Transition } from "./types.ts";

export function startPayment(state: TillState, env: TillEnv): Transition {
  if (state.quote === null) return fail(state, "error.emptySale");
  // The engine prices the whole sale once more: what is paid never rests on a running sum.
  let quote: Quote | null;
  try {
    quote = priceSale(state.sale, env.settings, promotionsAt(env));
  } catch (err) {
    return failWith(state, localErrorMessage(err));
  }
  const next = goTo(
    { ...state, quote, sale: { ...state.sale, totaled: true }, status: null },
    { kind: "payment" },
  );
  return done(next, { type: "display", show: "total" });
}

/** Adds a tender; completes the sale when the tenders cover it. */
export function tender(state: TillState, added: TenderInput | null, env: TillEnv): Transition {
  const quote = state.quote;
  if (quote === null) return fail(state, "error.emptySale");
  const tenders = added === null ? state.sale.tenders : [...state.sale.tenders, added];
  try {
    const settlement = settle(quote, tenders, env.settings, tenderTypesAt(env));
    requireEligible(state.sale, quote, tenders, env.settings);
    const cashier = state.cashier;
    const sale = { ...state.sale, tenders };
    return done(
      { ...state, sale, input: "", busy: true, status: { tone: "info", message: msg("info.completing") } },
      {
        type: "completeSale",
        receiptNo: sale.receiptNo,
        sale: {
          id: sale.id,
          cashierId: cashier?.id ?? "",
          at: env.now(),
          lines: sale.lines.map(toTillLine),
          ...(sale.discount ? { discount: sale.discount } : {}),
          ...(sale.customer ? { card: sale.customer.card } : {}),
          ...(sale.couponCodes?.length ? { couponCodes: sale.couponCodes } : {}),
          tenders,
          audit: sale.audit,
          quote,
          changeMinor: settlement.changeMinor,
          cashRoundingMinor: settlement.cashRoundingMinor,
          ...receiptExtrasOf(sale),
          ...customTenderExtras(tenders, env),
        },
      },
    );
  } catch (err) {
    if (err instanceof TenderShortError) {
      return done({ ...state, sale: { ...state.sale, tenders }, input: "", status: null });
    }
    if (err instanceof DomainError) return failWith({ ...state, input: "" }, localErrorMessage(err));
    throw err;
  }
}

/** Enter: the typed amount in cash, or exactly what is due in cash. */
export function payCash(state: TillState, env: TillEnv): Transition {
  if (state.quote === null) return fail(state, "error.emptySale");
  const progress = paymentProgress(state.quote, state.sale.tenders, env.settings);
  const text = state.input.trim();
  if (text === "") {
    // Already covered (a retry after a failed completion): complete without a new tender.
    if (progress.remainingMinor === 0 && state.sale.tenders.length > 0) return tender(state, null, env);
    const amountMinor = progress.cashDueMinor > 0 ? progress.cashDueMinor : progress.remainingMinor;
    if (amountMinor <= 0) return tender(state, null, env);
    return tender(state, { type: "cash", amountMinor }, env);
  }
  const amountMinor = parseAmount(text, env.settings.currency);
  if (amountMinor === null || amountMinor === 0) return fail(state, "error.badAmount", { text });
  return tender(state, { type: "cash", amountMinor }, env);
}

/** F7: card for the typed amount, or for everything still due. */
export function payCard(state: TillState, env: TillEnv, terminal: 1 | 2 = 1): Transition {
  if (state.quote === null) return fail(state, "error.emptySale");
  const progress = paymentProgress(state.quote, state.sale.tenders, env.settings);
  const text = state.input.trim();
  const amountMinor = text === "" ? progress.remainingMinor : parseAmount(text, env.settings.currency);
  if (amountMinor === null || amountMinor === 0) {
    return text === "" ? fail(state, "error.nothingDue") : fail(state, "error.badAmount", { text });
  }
  // Checked before the card is charged: a card the sale cannot take is refused here.
  try {
    settle(state.quote, [...state.sale.tenders, { type: "card", amountMinor }], env.settings);
  } catch (err) {
    if (!(err instanceof TenderShortError)) {
      if (err instanceof DomainError) return failWith({ ...state, input: "" }, localErrorMessage(err));
      throw err;
    }
  }
  return askCard(state, amountMinor, env, terminal);
}

/**
 * F3 in payment: takes back the last tender (the cashier typed a wrong amount). A card tender
 * was charged: taking it back is a refund (see card.ts).
 */
export function removeLastTender(state: TillState, env: TillEnv): Transition {
  const index = state.sale.tenders.length - 1;
  const last = state.sale.tenders[index];
  if (last === undefined) return fail(state, "error.noTenders");
  if (last.type === "card") return withApproval(state, "refund", { type: "tender.remove", index }, env);
  return done({ ...state, sale: { ...state.sale, tenders: state.sale.tenders.slice(0, -1) }, status: null });
}

/** Esc: back to the sale, unless money was already taken. */
export function leavePayment(state: TillState): Transition {
  if (state.sale.tenders.length > 0) return fail(state, "error.tendersTaken");
  return done(goTo({ ...state, status: null }, { kind: "sale" }));
}
