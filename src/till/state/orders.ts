/**
 * The pick-up point: today's customer orders to collect, searched by the customer or the order's
 * number (a scanned order barcode carries its number, or its id), one order opened with the
 * customer at the counter, its lines changed at the store, and the balance taken (or the
 * difference shown as refunded to the prepaid tender) when the order is collected.
 */
import { businessDay } from "../../core/business-day.ts";
import type { TillOrder, TillOrderCollected, TillOrderLine } from "../services.ts";
import { done, fail, goTo, msg } from "./initial.ts";
import { parseAmount, parseQuantity, parseSaleEntry } from "./parse-input.ts";
import { placeQuickOrder } from "./quick-order.ts";
import type { Effect, TillEnv, TillState, Transition } from "./types.ts";

export type OrdersScreen = Extract<TillState["screen"], { kind: "orders" }>;

/** `ORD42`, `ord-42` or `42`: the order's number; null for anything else. */
export function orderNumberOf(text: string): number | null {
  const match = /^(?:ORD-?)?(\d{1,9})$/i.exec(text.trim());
  return match === null ? null : Number(match[1]);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The orders whose customer, number or id has the text typed (all of them for none). */
export function filterOrders(list: readonly TillOrder[], text: string): TillOrder[] {
  const query = text.trim().toLocaleLowerCase();
  if (query === "") return [...list];
  const number = orderNumberOf(query);
  return list.filter(
    (o) =>
      (number !== null && String(o.number).startsWith(String(number))) ||
      (o.customer ?? "").toLocaleLowerCase().includes(query) ||
      o.id.toLocaleLowerCase() === query,
  );
}

function listEffect(env: TillEnv): Effect {
  return { type: "listOrders", date: businessDay(new Date(env.now()), env.settings.timeZone) };
}

export function openOrders(state: TillState, env: TillEnv): Transition {
  // A basket may come along: F4 or F7 in the list makes it an order (quick-order.ts).
  if (state.sale.tenders.length > 0) return fail(state, "error.finishSaleFirst");
  const screen: OrdersScreen = { kind: "orders", list: null, selected: 0, order: null, line: 0, done: null };
  return done(
    goTo({ ...state, busy: true, status: { tone: "info", message: msg("info.ordersLoading") } }, screen),
    listEffect(env),
  );
}

export function ordersListed(state: TillState, list: TillOrder[]): Transition {
  if (state.screen.kind !== "orders") return done({ ...state, busy: false });
  // What was just done (an order placed) stays said over the list it reloaded.
  const kept = state.status?.tone === "ok" ? state.status : null;
  const status =
    kept ?? (list.length === 0 ? { tone: "info" as const, message: msg("info.noOrders") } : null);
  return done({ ...state, busy: false, status, screen: { ...state.screen, list, selected: 0 } });
}

export function orderOpened(state: TillState, order: TillOrder): Transition {
  if (state.screen.kind !== "orders") return done({ ...state, busy: false });
  const line = Math.min(state.screen.line, Math.max(0, order.lines.length - 1));
  const screen: OrdersScreen = { ...state.screen, order, line, done: null };
  const status = { tone: "info" as const, message: msg("info.orderOpened", { number: order.number }) };
  return done({ ...state, busy: false, input: "", screen, status });
}

export function orderCollected(state: TillState, collected: TillOrderCollected): Transition {
  if (state.screen.kind !== "orders") return done({ ...state, busy: false });
  const { receiptNo, changeMinor, refundedMinor } = collected;
  const message =
    refundedMinor > 0
      ? msg("ok.orderRefunded", { receiptNo, refundedMinor })
      : msg("ok.orderCollected", { receiptNo, changeMinor });
  return done({
    ...state,
    busy: false,
    input: "",
    status: { tone: "ok", message },
    screen: { ...state.screen, done: collected },
  });
}

function ask(state: TillState, effect: Effect): Transition {
  return done(
    { ...state, busy: true, input: "", status: { tone: "info", message: msg("info.askingStoreOrders") } },
    effect,
  );
}

function changeLines(state: TillState, order: TillOrder, lines: TillOrderLine[]): Transition {
  if (lines.length === 0) return fail(state, "error.orderNoLines");
  return ask(state, { type: "changeOrder", id: order.id, lines });
}

/** The order's lines with the selected one at `qtyMilli` (0: removed). */
function withQty(order: TillOrder, index: number, qtyMilli: number): TillOrderLine[] {
  return order.lines.flatMap((l, i) => (i !== index ? [l] : qtyMilli === 0 ? [] : [{ ...l, qtyMilli }]));
}

function submitList(state: TillState, screen: OrdersScreen): Transition {
  if (state.sale.lines.length > 0) return fail(state, "error.finishSaleFirst");
  const text = state.input.trim();
  const list = screen.list ?? [];
  if (text !== "") {
    const number = orderNumberOf(text);
    const exact = list.find((o) => o.number === number || o.id.toLowerCase() === text.toLowerCase());
    if (exact !== undefined) return ask(state, { type: "openOrder", id: exact.id });
    // An order of another day scanned: the store has it by its id.
    if (UUID.test(text)) return ask(state, { type: "openOrder", id: text });
  }
  const chosen = filterOrders(list, text)[screen.selected];
  if (chosen === undefined) return fail(state, "error.noSuchOrder", { text });
  return ask(state, { type: "openOrder", id: chosen.id });
}

function submitOrder(state: TillState, order: TillOrder, screen: OrdersScreen): Transition {
  const entry = parseSaleEntry(state.input);
  if (entry === null) return fail(state, "error.orderEntry");
  if (entry.kind === "badQuantity") return fail(state, "error.badQuantity", { text: entry.text });
  if (entry.kind === "missingCode")
    return changeLines(state, order, withQty(order, screen.line, entry.qtyMilli));
  const qtyMilli = entry.qtyMilli ?? 1000;
  const same = order.lines.findIndex((l) => l.code === entry.code);
  if (same >= 0) {
    const current = order.lines[same]?.qtyMilli ?? 0;
    return changeLines(state, order, withQty(order, same, current + qtyMilli));
  }
  return changeLines(state, order, [...order.lines, { code: entry.code, qtyMilli }]);
}

/** The balance: cash typed (change given) or exact, a card for all of it, or nothing to pay. */
function collect(state: TillState, order: TillOrder, by: "cash" | "card", env: TillEnv): Transition {
  const due = order.balanceDueMinor;
  const text = state.input.trim();
  if (due <= 0) return ask(state, { type: "collectOrder", order, tenders: [] });
  if (by === "card")
    return ask(state, { type: "collectOrder", order, tenders: [{ type: "card", amountMinor: due }] });
  const typed = text === "" ? due : parseAmount(text, env.settings.currency);
  if (typed === null) return fail(state, "error.badAmount", { text });
  if (typed < due) return fail(state, "error.orderTenderShort", { balanceMinor: due });
  return ask(state, { type: "collectOrder", order, tenders: [{ type: "cash", amountMinor: typed }] });
}

export function ordersKey(
  state: TillState,
  screen: OrdersScreen,
  type: string,
  delta: number,
  env: TillEnv,
): Transition {
  const order = screen.order;
  if (order === null) {
    const length = filterOrders(screen.list ?? [], state.input).length;
    if (delta !== 0)
      return done({
        ...state,
        screen: { ...screen, selected: Math.max(0, Math.min(length - 1, screen.selected + delta)) },
      });
    if (type === "back") return done(goTo({ ...state, status: null }, { kind: "sale" }));
    if (type === "input.submit") {
      if (screen.list === null) return done({ ...state, busy: true }, listEffect(env));
      return submitList(state, screen);
    }
    if (type === "line.price") return placeQuickOrder(state, "later", env);
    if (type === "payment.card") return placeQuickOrder(state, "card", env);
    return done(state);
  }
  if (type === "back") {
    return done(
      {
        ...state,
        busy: true,
        input: "",
        status: null,
        screen: { ...screen, order: null, done: null, line: 0 },
      },
      listEffect(env),
    );
  }
  if (screen.done !== null)
    return type === "input.submit" ? ordersKey(state, screen, "back", 0, env) : done(state);
  if (delta !== 0) {
    const line = Math.max(0, Math.min(order.lines.length - 1, screen.line + delta));
    return done({ ...state, screen: { ...screen, line } });
  }
  switch (type) {
    case "input.submit":
      return submitOrder(state, order, screen);
    case "line.void":
      return changeLines(state, order, withQty(order, screen.line, 0));
    case "line.qty": {
      const text = state.input.trim();
      const qtyMilli = text === "0" ? 0 : parseQuantity(text);
      if (qtyMilli === null) return fail(state, "error.badQuantity", { text });
      return changeLines(state, order, withQty(order, screen.line, qtyMilli));
    }
    case "sale.total":
      return collect(state, order, "cash", env);
    case "payment.card":
      return collect(state, order, "card", env);
    default:
      return done(state);
  }
}
