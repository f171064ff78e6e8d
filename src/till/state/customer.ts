/**
 * The customer at the till: a scanned card attaches them to the sale (their best group discount
 * is priced as a promotion, `group:<id>`, like the store does), the clients service prompt finds,
 * issues (`+number`) or blocks (`-number`) a card, and points and gift cards pay as tenders the
 * store authorises before the sale completes.
 */
import type { TillCardTender } from "../../api/store/card-tenders.ts";
import { businessDay } from "../../core/business-day.ts";
import type { CardTender, TillCustomer } from "../services.ts";
import { paymentProgress } from "./basket.ts";
import { isCustomerSearch, searchCustomers } from "./customer-search.ts";
import { done, fail, goTo, msg } from "./initial.ts";
import { messagesOnCustomer } from "./messages.ts";
import { parseAmount } from "./parse-input.ts";
import { tender } from "./payment.ts";
import { reprice } from "./sale.ts";
import type { Message, Prompt, TillEnv, TillState, Transition } from "./types.ts";

function customerLine(customer: TillCustomer): Message {
  const group = customer.groups.find((g) => g.discountPercent !== null) ?? customer.groups[0];
  return msg(customer.kind === "gift" ? "ok.giftCardFound" : "ok.customerAttached", {
    name: customer.name ?? customer.card,
    group: group === undefined ? "-" : group.name,
    points: customer.points,
    balanceMinor: customer.balanceMinor,
  });
}

/** Whether the customer was born on today's month and day at the store (its time zone), as head office greets them. */
function birthdayToday(customer: TillCustomer, env: TillEnv): boolean {
  const birthday = customer.birthday;
  if (birthday === undefined || birthday === null || birthday.length !== 10) return false;
  return businessDay(new Date(env.now()), env.settings.timeZone).slice(5) === birthday.slice(5);
}

/** The store answered a card: a loyalty card goes on the sale; a gift card's balance is shown. */
export function customerAttached(
  state: TillState,
  customer: TillCustomer,
  how: "found" | "issued" | "blocked" | "created" | "kept",
  env: TillEnv,
): Transition {
  const back = state.screen.kind === "customers" ? goTo(state, { kind: "sale" }) : state;
  const base = { ...back, busy: false, prompt: null, input: "" };
  if (how === "blocked")
    return done({ ...base, status: { tone: "ok", message: msg("ok.cardBlocked", { card: customer.card }) } });
  if (customer.kind === "gift")
    return done({ ...base, status: { tone: "info", message: customerLine(customer) } });
  const priced = reprice(base, { ...state.sale, customer }, env);
  if ("error" in priced) return priced.error;
  const params = { card: customer.card, name: customer.name ?? customer.card };
  const message =
    how === "issued"
      ? msg("ok.cardIssued", params)
      : how === "created"
        ? msg("ok.customerCreated", params)
        : how === "kept"
          ? msg("info.customerKept", params)
          : customerLine(customer);
  const attached: TillState = { ...priced.state, status: { tone: how === "kept" ? "info" : "ok", message } };
  if (customer.name === null) return done(attached);
  // Head office's customer and birthday messages (their cashier text replaces the line above).
  return messagesOnCustomer(
    attached,
    { name: customer.name, birthdayToday: birthdayToday(customer, env) },
    env,
  );
}

/**
 * The clients service prompt: a card number, `+number` to issue one, `+number Name` to create a
 * customer with that card, `-number` to block one.
 */
export function submitCustomerCard(state: TillState, env: TillEnv): Transition {
  const created = /^\+\s*([0-9A-Za-z-]+)\s+(\S.*)$/.exec(state.input.trim());
  if (created?.[1] !== undefined && created[2] !== undefined) {
    const card = created[1];
    const name = created[2].replace(/\s+/g, " ").slice(0, 120);
    if (!/^[0-9A-Za-z-]{4,32}$/.test(card)) return fail(state, "error.badCardNumber", { text: card });
    return done({ ...state, input: "", busy: true }, { type: "createCustomer", id: env.newId(), name, card });
  }
  if (isCustomerSearch(state.input)) return searchCustomers(state, state.input);
  const text = state.input.trim().replace(/\s+/g, "");
  if (text === "") return done({ ...state, prompt: null, input: "" });
  const action = text.startsWith("+") ? "issue" : text.startsWith("-") ? "block" : "find";
  const number = action === "find" ? text : text.slice(1);
  if (!/^[0-9A-Za-z-]{4,32}$/.test(number)) return fail(state, "error.badCardNumber", { text });
  return done({ ...state, input: "", busy: true }, { type: "customerCard", action, number });
}

/** Ctrl+P in payment: the typed amount (or what is still due) by the customer's points. */
export function payPoints(state: TillState, env: TillEnv): Transition {
  const customer = state.sale.customer;
  if (customer === undefined || customer.kind !== "loyalty") return fail(state, "error.noLoyaltyCard");
  const amount = amountToPay(state, env);
  if ("error" in amount) return amount.error;
  return redeem(state, "points", customer.card, amount.amountMinor);
}

/** Ctrl+G in payment: asks for the gift card that pays the typed amount (or what is still due). */
export function payGiftCard(state: TillState, env: TillEnv): Transition {
  const amount = amountToPay(state, env);
  if ("error" in amount) return amount.error;
  return done({
    ...state,
    input: "",
    prompt: { kind: "giftCard", amountMinor: amount.amountMinor },
    status: null,
  });
}

export function submitGiftCard(state: TillState, prompt: Extract<Prompt, { kind: "giftCard" }>): Transition {
  const number = state.input.trim();
  if (number === "") return done({ ...state, prompt: null, input: "" });
  if (!/^[0-9A-Za-z-]{4,32}$/.test(number)) return fail(state, "error.badCardNumber", { text: number });
  return redeem({ ...state, prompt: null }, "giftcard", number, prompt.amountMinor);
}

export function amountToPay(state: TillState, env: TillEnv): { amountMinor: number } | { error: Transition } {
  if (state.quote === null) return { error: fail(state, "error.emptySale") };
  const progress = paymentProgress(state.quote, state.sale.tenders, env.settings);
  const text = state.input.trim();
  const typed = text === "" ? progress.remainingMinor : parseAmount(text, env.settings.currency);
  if (typed === null || typed === 0) {
    return {
      error: text === "" ? fail(state, "error.nothingDue") : fail(state, "error.badAmount", { text }),
    };
  }
  return { amountMinor: Math.min(typed, progress.remainingMinor) };
}

export function redeem(
  state: TillState,
  tenderType: TillCardTender,
  card: string,
  amountMinor: number,
): Transition {
  return done(
    { ...state, input: "", busy: true, status: { tone: "info", message: msg("info.askingCard", { card }) } },
    {
      type: "redeemCard",
      saleId: state.sale.id,
      index: state.sale.tenders.length,
      tenderType,
      card,
      amountMinor,
    },
  );
}

/** The store authorised the card tender: it pays its part of the sale. */
export function cardRedeemed(state: TillState, redeemed: CardTender, env: TillEnv): Transition {
  const next = { ...state, busy: false, status: null };
  return tender(
    state.screen.kind === "payment" ? next : goTo(next, { kind: "payment" }),
    {
      type: redeemed.type,
      amountMinor: redeemed.amountMinor,
      card: redeemed.card,
      ...(redeemed.points === null ? {} : { points: redeemed.points }),
    },
    env,
  );
}
