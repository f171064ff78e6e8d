/**
 * The shop's own tenders at the till (`payment.custom`, Ctrl+Y by default): in payment, the
 * tenders head office defined (synced from the store) are listed by number; the cashier picks
 * one for the typed amount, or for what is still due. Its rules hold here as at the store: one
 * that gives no change may not pay more than is due, none more than its most per sale. The sale
 * records it under its id; the receipt prints its name.
 */
import { type CustomTender, isActiveTender, resolveCustomTenders } from "../../core/custom-tenders.ts";
import { DomainError } from "../../core/errors.ts";
import { localErrorMessage } from "../app/error-message.ts";
import { paymentProgress } from "./basket.ts";
import { done, fail, failWith } from "./initial.ts";
import { parseAmount } from "./parse-input.ts";
import { tender } from "./payment.ts";
import type { Prompt, TillEnv, TillState, Transition } from "./types.ts";

function inForce(env: TillEnv): CustomTender[] {
  return (env.customTenders ?? []).filter(isActiveTender);
}

/** The key in payment: the list of tenders, for the typed amount or what is still due. */
export function payCustom(state: TillState, env: TillEnv): Transition {
  if (state.quote === null) return fail(state, "error.emptySale");
  const tenders = inForce(env);
  if (tenders.length === 0) return fail(state, "error.noCustomTenders");
  const text = state.input.trim();
  const progress = paymentProgress(state.quote, state.sale.tenders, env.settings);
  const amountMinor = text === "" ? progress.remainingMinor : parseAmount(text, env.settings.currency);
  if (amountMinor === null || amountMinor === 0) {
    return text === "" ? fail(state, "error.nothingDue") : fail(state, "error.badAmount", { text });
  }
  return done({ ...state, input: "", status: null, prompt: { kind: "customTender", tenders, amountMinor } });
}

/** Enter on the list: a tender by its number (or id) pays the amount. */
export function submitCustomTender(
  state: TillState,
  prompt: Extract<Prompt, { kind: "customTender" }>,
  env: TillEnv,
): Transition {
  const text = state.input.trim().toLowerCase();
  if (text === "") return done(state);
  const chosen = prompt.tenders[Number(text) - 1] ?? prompt.tenders.find((t) => t.id === text);
  if (chosen === undefined) return fail(state, "error.unknownCustomTender", { text });
  const added = { type: chosen.id, amountMinor: prompt.amountMinor };
  try {
    resolveCustomTenders([...state.sale.tenders, added], env.customTenders ?? []);
  } catch (err) {
    if (err instanceof DomainError)
      return failWith({ ...state, prompt: null, input: "" }, localErrorMessage(err));
    throw err;
  }
  return tender({ ...state, prompt: null, input: "" }, added, env);
}

/** The list as the prompt shows it: number and name, as many as fit. */
export function customTenderChoices(tenders: readonly CustomTender[]): string {
  return tenders.map((t, i) => `${i + 1} ${t.name}`).join(" · ");
}
