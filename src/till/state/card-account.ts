/**
 * Store credit and charge on account (`payment.account`, Ctrl+V by default): with a customer's
 * loyalty card on the sale, a small menu in payment: 1 takes the typed amount (or what is still
 * due) from the card's store credit, 2 charges it to the customer's house account. The store
 * authorises either with head office (`POST /card-redemptions`) before it goes on the sale; a
 * refusal (over the balance, over the credit limit, no account) is said in the cashier's words.
 */
import type { TillCardTender } from "../../api/store/card-tenders.ts";
import { amountToPay, redeem } from "./customer.ts";
import { done, fail } from "./initial.ts";
import type { Prompt, TillEnv, TillState, Transition } from "./types.ts";

const CHOICES: Readonly<Record<string, TillCardTender>> = { "1": "store_credit", "2": "account" };

export function payFromAccount(state: TillState, env: TillEnv): Transition {
  const customer = state.sale.customer;
  if (customer === undefined || customer.kind !== "loyalty") return fail(state, "error.noLoyaltyCard");
  const amount = amountToPay(state, env);
  if ("error" in amount) return amount.error;
  return done({
    ...state,
    input: "",
    status: null,
    prompt: {
      kind: "cardAccount",
      card: customer.card,
      // What the card had when scanned, less what this sale already took from it.
      balanceMinor: Math.max(
        0,
        state.sale.tenders.reduce(
          (left, t) => (t.type === "store_credit" ? left - t.amountMinor : left),
          customer.balanceMinor,
        ),
      ),
      amountMinor: amount.amountMinor,
    },
  });
}

export function submitCardAccount(
  state: TillState,
  prompt: Extract<Prompt, { kind: "cardAccount" }>,
): Transition {
  const text = state.input.trim();
  if (text === "") return done(state);
  const type = CHOICES[text];
  if (type === undefined) return fail(state, "error.badAccountChoice", { text });
  return redeem({ ...state, prompt: null }, type, prompt.card, prompt.amountMinor);
}
