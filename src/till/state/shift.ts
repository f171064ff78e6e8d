/**
 * The till's shift: opened at log-in with the float counted per note and coin (or as a total),
 * cash put in or taken out with a reason, and closed with the drawer counted, the store's
 * expected cash and the difference confirmed before the Z report is issued.
 */
import type { KeyCommand } from "../keys/keymap.ts";
import { denominationsFor } from "./basket.ts";
import { submitExpense } from "./expense.ts";
import { done, fail, goTo, msg } from "./initial.ts";
import { parseAmount, parseCount } from "./parse-input.ts";
import type { CashCount, Prompt, Screen, TillEnv, TillState, Transition } from "./types.ts";

type ShiftOpenScreen = Extract<Screen, { kind: "shiftOpen" }>;
type ShiftCloseScreen = Extract<Screen, { kind: "shiftClose" }>;

export function newCount(env: TillEnv): CashCount {
  return { counts: denominationsFor(env.settings.currency).map(() => 0), selected: 0, totalMinor: null };
}

/** The cash counted: the total typed, else the notes and coins added up. */
export function countedMinor(count: Pick<CashCount, "counts" | "totalMinor">, currency: string): number {
  if (count.totalMinor !== null) return count.totalMinor;
  return denominationsFor(currency).reduce((sum, value, i) => sum + value * (count.counts[i] ?? 0), 0);
}

/** Rows of the count: each note and coin, then the total. */
function rows(env: TillEnv): number {
  return denominationsFor(env.settings.currency).length + 1;
}

function move(count: CashCount, delta: number, env: TillEnv): CashCount {
  const selected = Math.min(rows(env) - 1, Math.max(0, count.selected + delta));
  return { ...count, selected };
}

/** Enter on a row: a count for a note or coin, an amount on the total row; empty Enter moves on. */
function enterOnCount(state: TillState, count: CashCount, env: TillEnv): CashCount | Transition {
  const text = state.input.trim();
  if (text === "") return move(count, 1, env);
  const denominations = denominationsFor(env.settings.currency);
  if (count.selected >= denominations.length) {
    const totalMinor = parseAmount(text, env.settings.currency);
    if (totalMinor === null) return fail(state, "error.badAmount", { text });
    return { ...count, totalMinor };
  }
  const n = parseCount(text);
  if (n === null) return fail(state, "error.badCount", { text });
  const counts = denominations.map((_, i) => (i === count.selected ? n : (count.counts[i] ?? 0)));
  // Counting notes and coins again replaces a total typed before.
  return move({ ...count, counts, totalMinor: null }, 1, env);
}

function isTransition(value: CashCount | Transition): value is Transition {
  return "effects" in value;
}

export function openShiftScreen(state: TillState, env: TillEnv): Transition {
  if (state.sale.lines.length > 0) return fail(state, "error.finishSaleFirst");
  return done(
    goTo(
      { ...state, status: { tone: "info", message: msg("info.countFloat") } },
      { kind: "shiftOpen", count: newCount(env), confirming: false },
    ),
  );
}

export function closeShiftScreen(state: TillState, env: TillEnv): Transition {
  if (state.sale.lines.length > 0) return fail(state, "error.finishSaleFirst");
  const { counts, selected, totalMinor } = newCount(env);
  return done(
    goTo(
      { ...state, status: null },
      { kind: "shiftClose", counts, selected, totalMinor, expectedMinor: null, closed: null, scroll: 0 },
    ),
  );
}

/**
 * The store's answer: at log-in without an open shift the cashier counts the float first; when
 * the store is back after an outage, the status line says that none is open and where to open it.
 */
export function shiftChecked(state: TillState, open: boolean, atLogIn: boolean, env: TillEnv): Transition {
  if (open || state.cashier === null) return done(state);
  if (!atLogIn || state.screen.kind !== "sale" || state.sale.lines.length > 0 || state.prompt !== null)
    return done({ ...state, status: { tone: "info", message: msg("info.shiftNotOpened") } });
  return openShiftScreen(state, env);
}

export function shiftOpenKey(
  state: TillState,
  screen: ShiftOpenScreen,
  type: KeyCommand,
  delta: number,
  env: TillEnv,
): Transition {
  if (screen.confirming) {
    if (type === "back") return done({ ...state, status: null, screen: { ...screen, confirming: false } });
    if (type === "input.submit" || type === "sale.total") {
      const floatMinor = countedMinor(screen.count, env.settings.currency);
      return done(
        { ...state, busy: true, status: { tone: "info", message: msg("info.openingShift") } },
        { type: "openShift", floatMinor },
      );
    }
    return done(state);
  }
  if (type === "back")
    return done(
      goTo({ ...state, status: { tone: "info", message: msg("info.shiftNotOpened") } }, { kind: "sale" }),
    );
  if (delta !== 0) return done({ ...state, screen: { ...screen, count: move(screen.count, delta, env) } });
  if (type === "input.submit") {
    const next = enterOnCount(state, screen.count, env);
    if (isTransition(next)) return next;
    return done({ ...state, input: "", status: null, screen: { ...screen, count: next } });
  }
  if (type === "sale.total") {
    const amountMinor = countedMinor(screen.count, env.settings.currency);
    return done({
      ...state,
      input: "",
      status: { tone: "info", message: msg("shift.confirmOpen", { amountMinor }) },
      screen: { ...screen, confirming: true },
    });
  }
  return done(state);
}

export function shiftCloseKey(
  state: TillState,
  screen: ShiftCloseScreen,
  type: KeyCommand,
  delta: number,
  env: TillEnv,
): Transition {
  if (screen.closed !== null) {
    if (type === "back") return done(goTo(state, { kind: "sale" }));
    if (delta !== 0)
      return done({ ...state, screen: { ...screen, scroll: Math.max(0, screen.scroll + delta) } });
    return done(state);
  }
  const count: CashCount = {
    counts: screen.counts,
    selected: screen.selected,
    totalMinor: screen.totalMinor,
  };
  if (screen.expectedMinor !== null) {
    if (type === "back") return done({ ...state, status: null, screen: { ...screen, expectedMinor: null } });
    if (type === "input.submit" || type === "sale.total") {
      const cash = countedMinor(count, env.settings.currency);
      return done(
        { ...state, busy: true, status: { tone: "info", message: msg("info.closingShift") } },
        { type: "closeShift", counted: { cash } },
      );
    }
    return done(state);
  }
  if (type === "back") return done(goTo(state, { kind: "sale" }));
  if (delta !== 0) return done({ ...state, screen: { ...screen, ...move(count, delta, env) } });
  if (type === "input.submit") {
    const next = enterOnCount(state, count, env);
    if (isTransition(next)) return next;
    return done({ ...state, input: "", status: null, screen: { ...screen, ...next } });
  }
  if (type === "sale.total")
    return done(
      { ...state, input: "", busy: true, status: { tone: "info", message: msg("info.checkingShift") } },
      { type: "shiftExpected" },
    );
  return done(state);
}

/** The cash-in and cash-out prompts: the amount, then the reason. */
export function submitCashPrompt(
  state: TillState,
  prompt: Extract<Prompt, { kind: "cashAmount" | "cashReason" }>,
  env: TillEnv,
): Transition {
  const text = state.input.trim();
  if (prompt.kind === "cashAmount") {
    const amountMinor = parseAmount(text, env.settings.currency);
    if (amountMinor === null || amountMinor === 0) return fail(state, "error.badAmount", { text });
    return done({
      ...state,
      input: "",
      status: null,
      prompt: { kind: "cashReason", direction: prompt.direction, amountMinor },
    });
  }
  if (text === "") return fail(state, "error.reasonNeeded");
  if (prompt.direction === "expense") return submitExpense(state, prompt.amountMinor, text, env);
  return done(
    {
      ...state,
      input: "",
      prompt: null,
      busy: true,
      status: { tone: "info", message: msg("info.movingCash") },
    },
    {
      type: "moveCash",
      direction: prompt.direction,
      amountMinor: prompt.amountMinor,
      reason: text.slice(0, 200),
    },
  );
}
