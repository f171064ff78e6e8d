import type { MessageKey } from "../i18n/en.ts";
import type { Effect, Message, Sale, Screen, StatusMessage, TillState, Transition } from "./types.ts";

export function emptySale(id: string): Sale {
  return { id, lines: [], audit: [], totaled: false, tenders: [], receiptNo: null, nextLineId: 1 };
}

export function initialState(saleId: string): TillState {
  return {
    screen: { kind: "login" },
    input: "",
    prompt: null,
    help: false,
    cashier: null,
    sale: emptySale(saleId),
    quote: null,
    selectedLine: null,
    status: null,
    busy: false,
    lastSale: null,
  };
}

export function msg(key: MessageKey, params?: Record<string, string | number>): Message {
  return params === undefined ? { key } : { key, params };
}

function withStatus(state: TillState, tone: StatusMessage["tone"], message: Message): Transition {
  return { state: { ...state, status: { tone, message } }, effects: [] };
}

export function fail(
  state: TillState,
  key: MessageKey,
  params?: Record<string, string | number>,
): Transition {
  return withStatus(state, "error", msg(key, params));
}

export function failWith(state: TillState, message: Message): Transition {
  return withStatus(state, "error", message);
}

export function note(
  state: TillState,
  key: MessageKey,
  params?: Record<string, string | number>,
): Transition {
  return withStatus(state, "info", msg(key, params));
}

export function done(state: TillState, ...effects: Effect[]): Transition {
  return { state, effects };
}

/** Another screen: its input starts empty. */
export function goTo(state: TillState, screen: Screen): TillState {
  return { ...state, screen, input: "", prompt: null };
}

/** A list's selected row moved by `delta`, kept within its `length` rows. */
export function clampSelection(selected: number, delta: number, length: number): number {
  return Math.min(Math.max(0, length - 1), Math.max(0, selected + delta));
}
