/**
 * The refused sales (F9 menu): sales the store would not record, kept in the till's outbox. A
 * supervisor (logged in, or approving with their PIN) exports one to a file, with a copy of its
 * receipt, or sends it again once the cause is fixed. Nothing paid is left unseen.
 */
import type { KeyCommand } from "../keys/keymap.ts";
import { cashierMay } from "../rights.ts";
import { done, goTo, msg } from "./initial.ts";
import type { Screen, TillState, Transition } from "./types.ts";

type RefusedScreen = Extract<Screen, { kind: "refused" }>;

/** The screen, with its list on the way. */
export function showRefused(state: TillState): Transition {
  return done(goTo({ ...state, status: null, busy: false }, { kind: "refused", list: null, selected: 0 }), {
    type: "listRefused",
  });
}

/** A supervisor (or higher) opens it at once; anyone else needs a supervisor's PIN. */
export function openRefused(state: TillState): Transition {
  if (cashierMay(state.cashier, "refusedSales")) return showRefused(state);
  return done({
    ...state,
    input: "",
    prompt: { kind: "approval", action: "refusedSales", approved: { type: "refused.open" } },
    status: { tone: "info", message: msg("info.approvalNeeded") },
  });
}

export function refusedKey(
  state: TillState,
  screen: RefusedScreen,
  type: KeyCommand,
  delta: number,
): Transition {
  const length = screen.list?.length ?? 0;
  if (delta !== 0) {
    const selected = Math.min(Math.max(0, length - 1), Math.max(0, screen.selected + delta));
    return done({ ...state, screen: { ...screen, selected } });
  }
  if (type === "back") return done(goTo({ ...state, status: null }, { kind: "sale" }));
  const chosen = screen.list?.[screen.selected];
  if (chosen === undefined) return done(state);
  if (type === "input.submit")
    return done(
      { ...state, input: "", status: null },
      { type: "exportRefused", saleId: chosen.saleId, receiptNo: chosen.receiptNo },
    );
  if (type === "sale.total")
    return done(
      { ...state, input: "", status: null },
      { type: "resendRefused", saleId: chosen.saleId, receiptNo: chosen.receiptNo },
    );
  return done(state);
}

/** A sale set back to pending leaves the list: the drainer has it now. */
export function refusedResent(state: TillState, saleId: string, receiptNo: string): Transition {
  const status = { tone: "ok" as const, message: msg("ok.refusedResent", { receiptNo }) };
  if (state.screen.kind !== "refused" || state.screen.list === null) return done({ ...state, status });
  const list = state.screen.list.filter((r) => r.saleId !== saleId);
  const selected = Math.min(state.screen.selected, Math.max(0, list.length - 1));
  return done({ ...state, status, screen: { ...state.screen, list, selected } });
}
