/**
 * The restaurant mode at the till: the table map (F9 menu, "Tables") and a table's order.
 *
 * On the map, ↑↓ (PgUp/PgDn by ten) pick a table and Enter opens it: a free table gets a new
 * order in the logged-in waiter's name, an occupied one shows its order. On an order:
 * - `[N*]code[+modifier…][#note]` Enter adds a line for the current seat and course;
 * - `sN` / `cN` Enter set the seat / course; `tNAME` moves the order to table NAME, `mNAME`
 *   merges the order at table NAME into this one;
 * - F5 sends the new lines to the kitchen (a round), F6 fires the current course;
 * - F10 prints the bill (one check); `/s` splits it by seat, `/N` into N equal parts;
 * - with checks: ↑↓ pick a check; an amount + Enter is cash, F10 exact cash, F7 card for the
 *   rest; the check is paid (a sale, as rung, recorded by the store) once its tenders cover it;
 *   `tip AMOUNT` Enter first leaves a tip for the waiter with it.
 * Esc goes back to the map, then to the sale screen.
 */
import type { KeyCommand } from "../keys/keymap.ts";
import type { FloorTable, RestaurantAnswer, RestaurantCall, TableOrder } from "../restaurant/types.ts";
import { done, goTo, msg } from "./initial.ts";
import { parseAmount } from "./parse-input.ts";
import type { Message, TillEnv, TillState, Transition } from "./types.ts";

export type TablesScreen = Extract<TillState["screen"], { kind: "tables" }>;
export type TableOrderScreen = Extract<TillState["screen"], { kind: "tableOrder" }>;
type Tender = { type: string; amountMinor: number };

const PAGE = 10;

function ask(state: TillState, call: RestaurantCall, info?: Message): Transition {
  // What was done is said once the store has done it; until then the till says it is asking
  // (and takes no other key: a key pressed meanwhile would act on an order about to change).
  return done(
    { ...state, busy: true, status: { tone: "info", message: msg("info.askingStoreTables") } },
    { type: "restaurant", call, ...(info ? { said: info } : {}) },
  );
}

function fail(
  state: TillState,
  key: Parameters<typeof msg>[0],
  params?: Record<string, string | number>,
): Transition {
  return done({ ...state, input: "", status: { tone: "error", message: msg(key, params) } });
}

export function openTables(state: TillState, env: TillEnv): Transition {
  if (env.settings.mode !== "restaurant") return fail(state, "error.restaurantOff");
  if (state.sale.lines.length > 0) return fail(state, "error.finishSaleFirst");
  return ask(goTo({ ...state, status: null }, { kind: "tables", floor: null, selected: 0 }), { op: "floor" });
}

function orderScreen(order: TableOrder, previous?: TableOrderScreen): TableOrderScreen {
  const unpaid = order.checks.findIndex((c) => c.saleId === null);
  return {
    kind: "tableOrder",
    order,
    seat: previous?.seat ?? 1,
    course: previous?.course ?? 1,
    check: Math.max(0, unpaid),
    tenders: [],
    tipMinor: 0,
  };
}

/** The store's answer: the floor on the map, or the order on its screen. */
export function restaurantAnswered(state: TillState, answer: RestaurantAnswer, said?: Message): Transition {
  const base = { ...state, busy: false, status: said ? { tone: "ok" as const, message: said } : null };
  const screen = state.screen;
  if (answer.floor !== undefined && screen.kind === "tables")
    return done({
      ...base,
      screen: {
        ...screen,
        floor: answer.floor,
        selected: Math.min(screen.selected, Math.max(0, answer.floor.length - 1)),
      },
    });
  if (answer.order === undefined) return done(base);
  const previous = screen.kind === "tableOrder" ? screen : undefined;
  const next = { ...base, screen: orderScreen(answer.order, previous), input: "" };
  if (answer.receiptNo !== undefined)
    return done({
      ...next,
      status: { tone: "ok", message: msg("ok.checkPaid", { receiptNo: answer.receiptNo }) },
    });
  return done(next);
}

function findTable(floor: readonly FloorTable[] | null, name: string): FloorTable | undefined {
  const wanted = name.trim().toLowerCase();
  return floor?.find((t) => t.name.toLowerCase() === wanted || t.id.toLowerCase() === wanted);
}

function openTable(state: TillState, table: FloorTable | undefined, env: TillEnv): Transition {
  if (table === undefined) return fail(state, "error.unknownTable");
  const next = { ...state, input: "" };
  if (table.orderId !== null && table.status !== "paid") return ask(next, { op: "order", id: table.orderId });
  return ask(next, { op: "open", id: env.newId(), tableId: table.id });
}

export function tablesKey(
  state: TillState,
  screen: TablesScreen,
  type: KeyCommand,
  env: TillEnv,
): Transition {
  const count = screen.floor?.length ?? 0;
  const move = (by: number) =>
    done({
      ...state,
      screen: { ...screen, selected: Math.min(Math.max(0, screen.selected + by), Math.max(0, count - 1)) },
    });
  switch (type) {
    case "back":
      return done(goTo(state, { kind: "sale" }));
    case "cursor.up":
      return move(-1);
    case "cursor.down":
      return move(1);
    case "page.up":
      return move(-PAGE);
    case "page.down":
      return move(PAGE);
    case "input.submit":
      return openTable(
        state,
        state.input.trim() === "" ? screen.floor?.[screen.selected] : findTable(screen.floor, state.input),
        env,
      );
    default:
      return done(state);
  }
}

/** `[N*]code[+modifier…][#note]`: a line of the order. */
function parseLine(text: string): { code: string; qty: string; modifiers: string[]; note?: string } | null {
  const [body = "", ...noteParts] = text.split("#");
  const note = noteParts.join("#").trim();
  const star = body.indexOf("*");
  const qty = star > 0 ? body.slice(0, star).trim() : "1";
  const [code = "", ...modifiers] = (star > 0 ? body.slice(star + 1) : body).split("+").map((s) => s.trim());
  if (code === "" || !/^\d{1,5}(\.\d{1,3})?$/.test(qty) || modifiers.some((m) => m === "")) return null;
  return { code, qty, modifiers, ...(note === "" ? {} : { note }) };
}

function payIfCovered(
  state: TillState,
  screen: TableOrderScreen,
  tenders: Tender[],
  env: TillEnv,
): Transition {
  const order = screen.order;
  const check = order?.checks[screen.check];
  if (order === null || check === undefined) return done(state);
  const paid = tenders.reduce((sum, t) => sum + t.amountMinor, 0);
  const next = { ...state, input: "", screen: { ...screen, tenders } };
  if (paid < check.totalMinor)
    return done({
      ...next,
      status: { tone: "info", message: msg("info.checkDue", { dueMinor: check.totalMinor - paid }) },
    });
  // Cash over the rest is change: the check's tenders say what it was paid by.
  const over = paid - check.totalMinor;
  const settled = tenders.map((t, i) =>
    i === tenders.length - 1 && t.type === "cash" ? { ...t, amountMinor: t.amountMinor - over } : t,
  );
  return ask(next, {
    op: "pay",
    id: order.id,
    checkId: check.id,
    saleId: env.newId(),
    tenders: settled.filter((t) => t.amountMinor > 0),
    tipMinor: screen.tipMinor,
  });
}

function submitOrder(state: TillState, screen: TableOrderScreen, env: TillEnv): Transition {
  const order = screen.order;
  const text = state.input.trim();
  if (order === null || text === "") return done(state);
  const tip = /^tip\s+(.+)$/i.exec(text);
  if (tip) {
    const tipMinor = parseAmount(tip[1] ?? "", env.settings.currency);
    if (tipMinor === null) return fail(state, "error.tableLine");
    return done({
      ...state,
      input: "",
      screen: { ...screen, tipMinor },
      status: { tone: "info", message: msg("info.tip", { tipMinor }) },
    });
  }
  const command = /^([sctm])(.+)$/i.exec(text);
  const letter = command?.[1]?.toLowerCase();
  const rest = command?.[2]?.trim() ?? "";
  if ((letter === "s" || letter === "c") && /^\d{1,2}$/.test(rest)) {
    const n = Number(rest);
    if (letter === "c" && (n < 1 || n > 9)) return fail(state, "error.tableCourse");
    return done({ ...state, input: "", screen: { ...screen, [letter === "s" ? "seat" : "course"]: n } });
  }
  if (text === "/s")
    return ask({ ...state, input: "" }, { op: "split", id: order.id, split: { by: "seat" } });
  const equal = /^\/(\d{1,2})$/.exec(text);
  if (equal)
    return ask(
      { ...state, input: "" },
      { op: "split", id: order.id, split: { by: "equal", parts: Number(equal[1]) } },
    );
  const check = order.checks[screen.check];
  if (check !== undefined && check.saleId === null) {
    const amount = parseAmount(text, env.settings.currency);
    if (amount !== null)
      return payIfCovered(state, screen, [...screen.tenders, { type: "cash", amountMinor: amount }], env);
  }
  if (letter === "t" || letter === "m") {
    // A table named after a product code would be ambiguous: `t`/`m` then a table's name.
    return ask(
      { ...state, input: "" },
      { op: letter === "t" ? "transfer" : "merge", id: order.id, table: rest },
    );
  }
  const line = parseLine(text);
  if (line === null) return fail(state, "error.tableLine");
  return ask(
    { ...state, input: "" },
    {
      op: "lines",
      id: order.id,
      lines: [{ id: env.newId(), ...line, seat: screen.seat, course: screen.course }],
    },
  );
}

export function tableOrderKey(
  state: TillState,
  screen: TableOrderScreen,
  type: KeyCommand,
  env: TillEnv,
): Transition {
  const order = screen.order;
  if (order === null) return type === "back" ? openTables(goTo(state, { kind: "sale" }), env) : done(state);
  const check = order.checks[screen.check];
  const rest =
    check === undefined ? 0 : check.totalMinor - screen.tenders.reduce((s, t) => s + t.amountMinor, 0);
  switch (type) {
    case "back":
      return openTables(goTo(state, { kind: "sale" }), env);
    case "input.submit":
      return submitOrder(state, screen, env);
    case "sale.hold":
      return ask(state, { op: "round", id: order.id, roundId: env.newId() }, msg("ok.roundSent"));
    case "sale.resume":
      return ask(
        state,
        { op: "fire", id: order.id, roundId: env.newId(), course: screen.course },
        msg("ok.courseFired", { course: screen.course }),
      );
    case "sale.total":
      if (check === undefined || order.status === "open")
        return ask(state, { op: "bill", id: order.id }, msg("ok.billPrinted"));
      return payIfCovered(state, screen, [...screen.tenders, { type: "cash", amountMinor: rest }], env);
    case "payment.card":
      if (check === undefined || check.saleId !== null) return done(state);
      return payIfCovered(state, screen, [...screen.tenders, { type: "card", amountMinor: rest }], env);
    case "cursor.up":
    case "cursor.down": {
      const by = type === "cursor.up" ? -1 : 1;
      const n = Math.min(Math.max(0, screen.check + by), Math.max(0, order.checks.length - 1));
      return done({ ...state, screen: { ...screen, check: n, tenders: [], tipMinor: 0 } });
    }
    default:
      return done(state);
  }
}
