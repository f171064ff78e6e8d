/**
 * Finding a customer by name at the clients service: text typed at its prompt that is not a card
 * number (a part of a name, a phone number written with spaces, an e-mail) asks the store, which
 * searches its copy of head office's customers; the matches are listed (↑↓), and Enter puts the
 * one chosen on the sale by their card. The search needs the store: without it the cashier is told
 * so and the sale stays as it was.
 */
import type { TillServiceCard } from "../booking-types.ts";
import type { KeyCommand } from "../keys/keymap.ts";
import type { TillCustomerMatch } from "../services.ts";
import { clampSelection, done, fail, goTo } from "./initial.ts";
import type { Screen, TillState, Transition } from "./types.ts";

type CustomersScreen = Extract<Screen, { kind: "customers" }>;

/**
 * Whether clients-service text is a search rather than a card: it has a space or an `@`, or no
 * digit at all (a card number is letters, digits and dashes; `+` and `-` start card actions).
 */
export function isCustomerSearch(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed === "" || trimmed.startsWith("+") || trimmed.startsWith("-")) return false;
  return /\s|@/.test(trimmed) || !/\d/.test(trimmed);
}

/** The list screen, with the store's answer on the way. */
export function searchCustomers(state: TillState, text: string): Transition {
  const q = text.trim().replace(/\s+/g, " ").slice(0, 120);
  return done(
    goTo(
      { ...state, prompt: null, input: "", busy: true, status: null },
      { kind: "customers", query: q, list: null, selected: 0 },
    ),
    { type: "searchCustomers", q },
  );
}

export function customerServices(state: TillState, card: TillServiceCard): Transition {
  if (state.screen.kind !== "customers") return done({ ...state, busy: false });
  return done({ ...state, busy: false, screen: { ...state.screen, services: card } });
}

export function customersFound(state: TillState, list: TillCustomerMatch[]): Transition {
  if (state.screen.kind !== "customers") return done({ ...state, busy: false });
  return done({ ...state, busy: false, screen: { ...state.screen, list, selected: 0 } });
}

export function customersKey(
  state: TillState,
  screen: CustomersScreen,
  type: KeyCommand,
  delta: number,
): Transition {
  if (delta !== 0)
    return done({
      ...state,
      screen: { ...screen, selected: clampSelection(screen.selected, delta, screen.list?.length ?? 0) },
    });
  if (screen.services !== undefined) {
    // The service card shown: Esc goes back to the list.
    if (type !== "back") return done(state);
    const { services: _shown, ...list } = screen;
    return done({ ...state, status: null, screen: list });
  }
  if (type === "back") return done(goTo({ ...state, status: null, busy: false }, { kind: "sale" }));
  if (type === "line.qty" && !state.busy) {
    const chosen = screen.list?.[screen.selected];
    if (chosen === undefined) return done(state);
    return done({ ...state, busy: true }, { type: "serviceCard", customerId: chosen.id });
  }
  if (type !== "input.submit" || state.busy) return done(state);
  const chosen = screen.list?.[screen.selected];
  if (chosen === undefined) return done(state);
  if (chosen.card === null) return fail(state, "error.customerNoCard", { name: chosen.name });
  return done(
    { ...state, input: "", busy: true },
    { type: "customerCard", action: "find", number: chosen.card },
  );
}
