/**
 * Returns: find the sale by its receipt number (typed, or the receipt's code scanned; another
 * store's receipt is found through head office), pick the lines and quantities coming back, and
 * refund them the way the sale was paid (card through the terminal, cash from the drawer).
 */
import type { TenderAmount } from "../../core/refund-split.ts";
import { DEFAULT_TENDER_TYPES } from "../../core/tenders.ts";
import type { RecordedSale } from "../services.ts";
import { done, fail, goTo, msg } from "./initial.ts";
import { parseQuantity } from "./parse-input.ts";
import { refundMinor, returnableMilli } from "./refund.ts";
import type { Effect, ReturnPick, TillEnv, TillState, Transition } from "./types.ts";

type ReturnsScreen = Extract<TillState["screen"], { kind: "returns" }>;

export function openReturns(state: TillState): Transition {
  if (state.sale.lines.length > 0) return fail(state, "error.finishSaleFirst");
  return done(
    goTo(state, { kind: "returns", sale: null, picks: [], selected: 0, inCash: false, done: null }),
  );
}

export function returnsFound(state: TillState, sale: RecordedSale): Transition {
  if (state.screen.kind !== "returns") return done({ ...state, busy: false });
  const screen: ReturnsScreen = { ...state.screen, sale, picks: [], selected: 0, inCash: false, done: null };
  return done({
    ...state,
    busy: false,
    input: "",
    screen,
    status: { tone: "info", message: msg("info.pickReturnLines") },
  });
}

function setPick(picks: readonly ReturnPick[], lineNo: number, qtyMilli: number): ReturnPick[] {
  const rest = picks.filter((p) => p.lineNo !== lineNo);
  return qtyMilli > 0 ? [...rest, { lineNo, qtyMilli }].sort((a, b) => a.lineNo - b.lineNo) : rest;
}

/**
 * Enter: find the sale; then set the selected line's quantity to the one typed. An empty Enter
 * marks nothing (a scanner's or a stray Enter never picks a line): the mark key does.
 */
export function returnsSubmit(state: TillState): Transition {
  const screen = state.screen;
  if (screen.kind !== "returns") return done(state);
  const text = state.input.trim();
  if (screen.sale === null || screen.done !== null) {
    if (text === "") return done(state);
    return done(
      { ...state, busy: true, input: "", status: null, screen: { ...screen, done: null } },
      { type: "findSale", query: text },
    );
  }
  if (text === "") return fail(state, "error.markReturnLine");
  return returnsMark(state);
}

/**
 * The mark key on a line of the sale: the quantity typed, else all that is left of the line,
 * or none when it was marked already.
 */
export function returnsMark(state: TillState): Transition {
  const screen = state.screen;
  if (screen.kind !== "returns" || screen.sale === null || screen.done !== null) return done(state);
  const text = state.input.trim();
  const line = screen.sale.lines[screen.selected];
  if (line === undefined) return done(state);
  const left = returnableMilli(line);
  const current = screen.picks.find((p) => p.lineNo === line.lineNo)?.qtyMilli ?? 0;
  let qtyMilli: number;
  if (text === "") {
    qtyMilli = current > 0 ? 0 : left;
  } else {
    const typed = text === "0" ? 0 : parseQuantity(text);
    if (typed === null) return fail(state, "error.badQuantity", { text });
    if (line.qtyMilli % 1000 === 0 && typed % 1000 !== 0)
      return fail(state, "error.wholeQuantity", { name: line.name });
    qtyMilli = typed;
  }
  if (qtyMilli > left) return fail(state, "error.returnTooMuch", { name: line.name });
  const picks = setPick(screen.picks, line.lineNo, qtyMilli);
  const selected = Math.min(screen.sale.lines.length - 1, screen.selected + 1);
  return done({ ...state, input: "", status: null, screen: { ...screen, picks, selected } });
}

export function returnsMove(state: TillState, delta: number): TillState {
  const screen = state.screen;
  if (screen.kind !== "returns" || screen.sale === null) return state;
  const selected = Math.min(screen.sale.lines.length - 1, Math.max(0, screen.selected + delta));
  return { ...state, screen: { ...screen, selected } };
}

export function recordReturnEffect(
  state: TillState,
  sale: RecordedSale,
  env: TillEnv,
  pin: string | null,
): Effect {
  const picks = state.screen.kind === "returns" ? state.screen.picks : [];
  return {
    type: "recordReturn",
    originalSaleId: sale.id,
    lines: picks.map((pick) => ({
      code: sale.lines.find((l) => l.lineNo === pick.lineNo)?.code ?? "",
      qtyMilli: pick.qtyMilli,
    })),
    refundMinor: refundMinor(sale, picks, env.settings.pricesIncludeTax, env.settings.roundingMode),
    refundable: sale.refundable ?? [],
    inCash: state.screen.kind === "returns" && state.screen.inCash,
    ...(pin ? { approvalPin: pin } : {}),
  };
}

/** Whether the sale can refund anything otherwise than in cash (a card it was paid with). */
export function paidOtherThanCash(sale: RecordedSale, tenderTypes = DEFAULT_TENDER_TYPES): boolean {
  return (sale.refundable ?? []).some(
    (t) => t.amountMinor > 0 && !(tenderTypes.find((k) => k.type === t.type)?.isCash ?? false),
  );
}

/**
 * The cash key: the refund goes back all in cash instead of the way the sale was paid (a card
 * refund that cannot go through, a customer without the card). It takes a supervisor, asked
 * when the refund is made. Pressed again: back to the way it was paid.
 */
export function returnsToggleCash(state: TillState): Transition {
  const screen = state.screen;
  if (screen.kind !== "returns" || screen.sale === null || screen.done !== null) return done(state);
  if (!screen.inCash && !paidOtherThanCash(screen.sale)) return fail(state, "error.refundAlreadyCash");
  const inCash = !screen.inCash;
  return done({
    ...state,
    screen: { ...screen, inCash },
    status: { tone: "info", message: msg(inCash ? "info.refundInCash" : "info.refundAsPaid") },
  });
}

export function returnRecorded(
  state: TillState,
  receiptNo: string,
  totalMinor: number,
  tenders: TenderAmount[],
): Transition {
  const screen = state.screen;
  const next: TillState = {
    ...state,
    busy: false,
    status: { tone: "ok", message: msg("ok.refunded", { receiptNo }) },
  };
  if (screen.kind !== "returns") return done(next);
  return done({ ...next, screen: { ...screen, done: { receiptNo, totalMinor, tenders } } });
}
