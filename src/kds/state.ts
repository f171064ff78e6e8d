/**
 * The kitchen display's state, pure: the station's tickets as the store last sent them, with the
 * cook's bumps and recalls applied at once (and kept until the store has them), the selection,
 * and whether the store answers.
 */
import type { KitchenTicket, KitchenTicketsAnswer } from "../api/store/kitchen.ts";

export type KdsAction = "bump" | "recall" | "start";

/** A cook's action the store has not confirmed yet (it is sent again until it has). */
export interface PendingAction {
  ticketId: string;
  action: KdsAction;
}

export interface KdsState {
  station: { id: string; name: string } | null;
  /** Every ticket known, by id. */
  tickets: ReadonlyMap<string, KitchenTicket>;
  pending: readonly PendingAction[];
  /** The open ticket selected (its id), or null. */
  selected: string | null;
  seq: number;
  lateAfterMinutes: number;
  online: boolean;
  /** The store's last refusal or the connection's trouble, as a message key and detail. */
  notice: { key: NoticeKey; detail?: string } | null;
}

export type NoticeKey = "offline" | "refused" | "nothingToRecall" | "noTicket" | "onHold";

/** Bumped tickets kept to recall. */
const KEEP_BUMPED = 10;

export const initialKdsState: KdsState = {
  station: null,
  tickets: new Map(),
  pending: [],
  selected: null,
  seq: 0,
  lateAfterMinutes: 10,
  online: false,
  notice: null,
};

/** The tickets on screen: not bumped, oldest first. */
export function openTickets(state: KdsState): KitchenTicket[] {
  return [...state.tickets.values()]
    .filter((t) => t.status !== "bumped")
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.number - b.number);
}

/** Bumped tickets, the last bumped first. */
export function bumpedTickets(state: KdsState): KitchenTicket[] {
  return [...state.tickets.values()]
    .filter((t) => t.status === "bumped")
    .sort((a, b) => (b.bumpedAt ?? "").localeCompare(a.bumpedAt ?? ""));
}

function withAction(ticket: KitchenTicket, action: KdsAction, at: string): KitchenTicket {
  switch (action) {
    case "bump":
      return { ...ticket, status: "bumped", bumpedAt: at };
    case "recall":
      return { ...ticket, status: "in_progress", bumpedAt: null };
    case "start":
      return ticket.status === "new" ? { ...ticket, status: "in_progress", startedAt: at } : ticket;
  }
}

function keepSelection(state: KdsState): KdsState {
  const open = openTickets(state);
  if (state.selected !== null && open.some((t) => t.id === state.selected)) return state;
  return { ...state, selected: open[0]?.id ?? null };
}

function pruneBumped(tickets: Map<string, KitchenTicket>, pending: readonly PendingAction[]): void {
  const bumped = [...tickets.values()]
    .filter((t) => t.status === "bumped" && !pending.some((p) => p.ticketId === t.id))
    .sort((a, b) => (b.bumpedAt ?? "").localeCompare(a.bumpedAt ?? ""));
  for (const old of bumped.slice(KEEP_BUMPED)) tickets.delete(old.id);
}

/** What the store answered: its tickets replace ours, with our unconfirmed actions applied again. */
export function received(state: KdsState, answer: KitchenTicketsAnswer, at: string): KdsState {
  const tickets = new Map(state.tickets);
  for (const ticket of answer.tickets) {
    const mine = state.pending.filter((p) => p.ticketId === ticket.id);
    tickets.set(
      ticket.id,
      mine.reduce((t, p) => withAction(t, p.action, at), ticket),
    );
  }
  pruneBumped(tickets, state.pending);
  return keepSelection({
    ...state,
    station: answer.station,
    tickets,
    seq: answer.seq,
    lateAfterMinutes: answer.lateAfterMinutes,
    online: true,
    notice: state.notice?.key === "offline" ? null : state.notice,
  });
}

/** A cook's action: shown at once, and queued for the store. */
export function act(state: KdsState, action: KdsAction, at: string): KdsState {
  const target =
    action === "recall"
      ? bumpedTickets(state)[0]
      : state.selected
        ? state.tickets.get(state.selected)
        : undefined;
  if (target === undefined) {
    return { ...state, notice: { key: action === "recall" ? "nothingToRecall" : "noTicket" } };
  }
  if (!target.fired && action !== "recall")
    return { ...state, notice: { key: "onHold", detail: `#${target.number}` } };
  const tickets = new Map(state.tickets);
  tickets.set(target.id, withAction(target, action, at));
  const next = {
    ...state,
    tickets,
    pending: [...state.pending, { ticketId: target.id, action }],
    notice: state.notice?.key === "offline" ? state.notice : null,
  };
  return action === "recall" ? { ...next, selected: target.id } : keepSelection(next);
}

/** Moves the selection among the open tickets. */
export function move(state: KdsState, delta: number): KdsState {
  const open = openTickets(state);
  if (open.length === 0) return state;
  const at = Math.max(
    0,
    open.findIndex((t) => t.id === state.selected),
  );
  const next = open[Math.min(open.length - 1, Math.max(0, at + delta))];
  return { ...state, selected: next?.id ?? null };
}

/** The store took (or finally refused) the first pending action. */
export function confirmed(state: KdsState, refused?: string): KdsState {
  const [, ...rest] = state.pending;
  return { ...state, pending: rest, ...(refused ? { notice: { key: "refused", detail: refused } } : {}) };
}

export function offline(state: KdsState, detail: string): KdsState {
  return { ...state, online: false, notice: { key: "offline", detail } };
}
