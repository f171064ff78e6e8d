/**
 * The till as a pure function: `(state, command, env) => { state, effects }`. Commands are the
 * keymap's named commands, typed text, and the results of effects. Nothing here does I/O.
 */
import type { KeyCommand } from "../keys/keymap.ts";
import { applyApproved, voidSelected, withApproval } from "./approvals.ts";
import { denominationsFor } from "./basket.ts";
import { done, emptySale, fail, goTo, msg, note } from "./initial.ts";
import { MENU_ITEMS } from "./menu.ts";
import { parseCount } from "./parse-input.ts";
import { leavePayment, payCard, payCash, removeLastTender, startPayment } from "./payment.ts";
import { openPrompt, submitPrompt } from "./prompts.ts";
import { openReturns, returnRecorded, returnsFound, returnsMove, returnsSubmit } from "./returns.ts";
import { addLine, addLookup, moveSelection, reprice, selectedLine, submitEntry } from "./sale.ts";
import type { Command, Message, SaleLine, TillEnv, TillState, Transition } from "./types.ts";

const PAGE = 10;
const TEXT_COMMANDS: ReadonlySet<string> = new Set(["input.text", "input.backspace", "input.clear"]);

function editInput(state: TillState, command: Command): TillState {
  if (command.type === "input.text") return { ...state, input: state.input + command.text };
  if (command.type === "input.backspace") return { ...state, input: [...state.input].slice(0, -1).join("") };
  return { ...state, input: "" };
}

export function reduce(state: TillState, command: Command, env: TillEnv): Transition {
  switch (command.type) {
    case "status.error":
      return done({ ...state, status: { tone: "error", message: command.message } });
    case "status.info":
      return done({ ...state, status: { tone: "info", message: command.message } });
    case "request.failed":
      return requestFailed(state, command.message);
    case "login.ok": {
      const screen = state.sale.tenders.length > 0 ? { kind: "payment" as const } : { kind: "sale" as const };
      const status = { tone: "ok" as const, message: msg("ok.welcome", { name: command.cashier.name }) };
      const next = goTo({ ...state, cashier: command.cashier, busy: false, status }, screen);
      return state.sale.lines.length === 0 ? done(next, { type: "display", show: "welcome" }) : done(next);
    }
    case "lookup.ok":
      return addLookup(state, command.lookup, command.qtyMilli, env);
    case "weight.ok":
      return addLine({ ...state, busy: false }, command.product, command.weightMilli, undefined, env);
    case "search.ok":
      if (state.screen.kind !== "search") return done(state);
      return done({ ...state, screen: { kind: "search", results: command.results, selected: 0 } });
    case "approval.ok":
      return applyApproved(state, command.approved, command.approver.id, command.pin, env);
    case "sale.numbered":
      return done({ ...state, sale: { ...state.sale, receiptNo: command.receiptNo } });
    case "sale.completed": {
      const change = command.last.changeMinor;
      const next = goTo(
        {
          ...state,
          sale: emptySale(env.newId()),
          quote: null,
          selectedLine: null,
          busy: false,
          lastSale: command.last,
          status: { tone: "ok", message: msg("ok.saleComplete", { changeMinor: change }) },
        },
        { kind: "sale" },
      );
      return done(next);
    }
    case "sale.held":
      return done(
        goTo(
          {
            ...state,
            sale: emptySale(env.newId()),
            quote: null,
            selectedLine: null,
            busy: false,
            status: { tone: "ok", message: msg("ok.saleHeld") },
          },
          { kind: "sale" },
        ),
        { type: "display", show: "welcome" },
      );
    case "held.listed":
      if (state.screen.kind !== "held") return done({ ...state, busy: false });
      return done({ ...state, busy: false, screen: { ...state.screen, list: command.list, selected: 0 } });
    case "held.resumed":
      return resumed(state, command.lines, env);
    case "sale.found":
      return returnsFound(state, command.sale);
    case "return.recorded":
      return returnRecorded(state, command.receiptNo, command.totalMinor);
    case "drawer.opened":
      return done({ ...state, busy: false, status: { tone: "ok", message: msg("ok.drawerOpened") } });
    case "report.loaded":
      return done({ ...state, busy: false, screen: { kind: "xReport", report: command.report, scroll: 0 } });
    case "shift.closed": {
      if (state.screen.kind !== "shiftClose") return done({ ...state, busy: false });
      const screen = { ...state.screen, closed: command.report };
      return done({ ...state, busy: false, screen, status: { tone: "ok", message: msg("ok.shiftClosed") } });
    }
    default:
      return key(state, command, env);
  }
}

function requestFailed(state: TillState, message: Message): Transition {
  const status = { tone: "error" as const, message };
  const base: TillState = { ...state, busy: false, status };
  // A list or report that could not be fetched: back to the sale, with the reason.
  if (
    (state.screen.kind === "held" && state.screen.list === null) ||
    (state.screen.kind === "xReport" && state.screen.report === null)
  ) {
    return done({ ...goTo(base, { kind: "sale" }), status });
  }
  return done(base);
}

function resumed(state: TillState, lines: Omit<SaleLine, "id">[], env: TillEnv): Transition {
  const sale = emptySale(env.newId());
  const numbered = lines.map((line, i) => ({ ...line, id: i + 1 }));
  const next = reprice(state, { ...sale, lines: numbered, nextLineId: numbered.length + 1 }, env);
  const base = { ...state, busy: false };
  if ("error" in next) return { ...next.error, state: { ...next.error.state, busy: false } };
  return done(
    goTo(
      {
        ...base,
        sale: next.state.sale,
        quote: next.state.quote,
        selectedLine: null,
        status: { tone: "ok", message: msg("ok.saleResumed") },
      },
      { kind: "sale" },
    ),
  );
}

function key(state: TillState, command: Command, env: TillEnv): Transition {
  const type = command.type as KeyCommand | "input.text";
  if (state.help) {
    return type === "help.toggle" || type === "back" ? done({ ...state, help: false }) : done(state);
  }
  if (type === "help.toggle") return done({ ...state, help: true });
  if (TEXT_COMMANDS.has(type)) return textOn(state, command, env);
  if (state.busy) return done(state);
  if (state.screen.kind === "login") return loginKey(state, type);
  if (type === "till.lock") {
    return done(goTo({ ...state, cashier: null, status: msgStatus("info.locked") }, { kind: "login" }), {
      type: "logout",
    });
  }
  if (state.prompt !== null) {
    if (type === "input.submit") return submitPrompt(state, state.prompt, env);
    if (type === "back") return done({ ...state, prompt: null, input: "", status: null });
    return done(state);
  }
  return screenKey(state, type as KeyCommand, env);
}

function msgStatus(key: Parameters<typeof msg>[0]): TillState["status"] {
  return { tone: "info", message: msg(key) };
}

function textOn(state: TillState, command: Command, env: TillEnv): Transition {
  const screen = state.screen;
  if (command.type === "input.text" && state.prompt === null && screen.kind === "menu") {
    const index = Number(command.text.trim()) - 1;
    const item = MENU_ITEMS[index];
    return item === undefined ? done(state) : menuChoose(state, item, env);
  }
  const next = editInput(state, command);
  if (screen.kind === "search" && state.prompt === null && next.input !== state.input) {
    const text = next.input.trim();
    if (text.length >= 2) return done(next, { type: "search", text });
    return done({ ...next, screen: { kind: "search", results: [], selected: 0 } });
  }
  return done(next);
}

function loginKey(state: TillState, type: string): Transition {
  switch (type) {
    case "input.submit": {
      const pin = state.input.trim();
      if (pin === "") return done(state);
      return done(
        { ...state, input: "", busy: true, status: msgStatus("info.checkingPin") },
        { type: "login", pin },
      );
    }
    case "back":
      return done({ ...state, input: "", status: null });
    case "till.quit":
      return done(state, { type: "quit" });
    default:
      return done(state);
  }
}

function menuChoose(state: TillState, command: KeyCommand, env: TillEnv): Transition {
  return saleKey(goTo(state, { kind: "sale" }), command, env);
}

function list(selected: number, delta: number, length: number): number {
  return Math.min(Math.max(0, length - 1), Math.max(0, selected + delta));
}

function screenKey(state: TillState, type: KeyCommand, env: TillEnv): Transition {
  const screen = state.screen;
  const delta =
    type === "cursor.up"
      ? -1
      : type === "cursor.down"
        ? 1
        : type === "page.up"
          ? -PAGE
          : type === "page.down"
            ? PAGE
            : 0;
  switch (screen.kind) {
    case "sale":
      return saleKey(state, type, env);
    case "payment":
      if (type === "input.submit") return payCash(state, env);
      if (type === "payment.card") return payCard(state, env);
      if (type === "line.void") return removeLastTender(state);
      if (type === "back") return leavePayment(state);
      return done(state);
    case "search": {
      if (delta !== 0)
        return done({
          ...state,
          screen: { ...screen, selected: list(screen.selected, delta, screen.results.length) },
        });
      if (type === "back") return done(goTo(state, { kind: "sale" }));
      if (type === "input.submit") {
        const product = screen.results[screen.selected];
        if (product === undefined) return fail(state, "error.noResults");
        return addLookup(goTo(state, { kind: "sale" }), { product }, null, env);
      }
      return done(state);
    }
    case "held": {
      const length = screen.list?.length ?? 0;
      if (delta !== 0)
        return done({ ...state, screen: { ...screen, selected: list(screen.selected, delta, length) } });
      if (type === "back") return done(goTo(state, { kind: "sale" }));
      if (type === "input.submit") {
        const held = screen.list?.[screen.selected];
        if (held === undefined) return done(state);
        return done({ ...state, busy: true, status: null }, { type: "resumeHeld", id: held.id });
      }
      return done(state);
    }
    case "receipt":
      if (delta !== 0)
        return done({ ...state, screen: { ...screen, scroll: Math.max(0, screen.scroll + delta) } });
      if (type === "receipt.view")
        return done({ ...state, status: msgStatus("info.reprinting") }, { type: "reprint" });
      if (type === "back") return done(goTo(state, { kind: "sale" }));
      return done(state);
    case "xReport":
      if (delta !== 0)
        return done({ ...state, screen: { ...screen, scroll: Math.max(0, screen.scroll + delta) } });
      if (type === "back") return done(goTo(state, { kind: "sale" }));
      return done(state);
    case "menu":
      if (delta !== 0)
        return done({
          ...state,
          screen: { ...screen, selected: list(screen.selected, delta, MENU_ITEMS.length) },
        });
      if (type === "back" || type === "menu.open") return done(goTo(state, { kind: "sale" }));
      if (type === "input.submit") {
        const item = MENU_ITEMS[screen.selected];
        return item === undefined ? done(state) : menuChoose(state, item, env);
      }
      return done(state);
    case "returns":
      if (delta !== 0) return done(returnsMove(state, delta));
      if (type === "input.submit") return returnsSubmit(state);
      if (type === "back") {
        if (screen.sale !== null && screen.done === null)
          return done({ ...state, input: "", screen: { ...screen, sale: null, picks: [] } });
        return done(goTo({ ...state, status: null }, { kind: "sale" }));
      }
      if (type === "sale.total") {
        if (screen.sale === null || screen.picks.length === 0) return fail(state, "error.noReturnLines");
        if (screen.done !== null) return done(state);
        return withApproval(state, "refund", { type: "return.record" }, env);
      }
      return done(state);
    case "shiftClose":
      return shiftKey(state, screen, type, delta, env);
    case "login":
      return done(state);
  }
}

function shiftKey(
  state: TillState,
  screen: Extract<TillState["screen"], { kind: "shiftClose" }>,
  type: KeyCommand,
  delta: number,
  env: TillEnv,
): Transition {
  const denominations = denominationsFor(env.settings.currency);
  if (type === "back") return done(goTo(state, { kind: "sale" }));
  if (screen.closed !== null) return done(state);
  if (delta !== 0)
    return done({
      ...state,
      screen: { ...screen, selected: list(screen.selected, delta, denominations.length) },
    });
  if (type === "input.submit") {
    const text = state.input.trim();
    if (text === "")
      return done({
        ...state,
        screen: { ...screen, selected: list(screen.selected, 1, denominations.length) },
      });
    const count = parseCount(text);
    if (count === null) return fail(state, "error.badCount", { text });
    const counts = denominations.map((_, i) => (i === screen.selected ? count : (screen.counts[i] ?? 0)));
    return done({
      ...state,
      input: "",
      status: null,
      screen: { ...screen, counts, selected: list(screen.selected, 1, denominations.length) },
    });
  }
  if (type === "sale.total") {
    const cash = denominations.reduce((sum, value, i) => sum + value * (screen.counts[i] ?? 0), 0);
    return done(
      { ...state, busy: true, status: msgStatus("info.closingShift") },
      { type: "closeShift", counted: { cash } },
    );
  }
  return done(state);
}

function saleKey(state: TillState, type: KeyCommand, env: TillEnv): Transition {
  const empty = state.sale.lines.length === 0;
  switch (type) {
    case "input.submit":
      return submitEntry(state);
    case "back":
      return done({ ...state, input: "", status: null });
    case "cursor.up":
    case "cursor.down":
    case "page.up":
    case "page.down": {
      const delta =
        type === "cursor.up" ? -1 : type === "cursor.down" ? 1 : type === "page.up" ? -PAGE : PAGE;
      return done(moveSelection(state, delta));
    }
    case "line.void":
      return voidSelected(state, env);
    case "line.price": {
      const line = selectedLine(state);
      return line === undefined
        ? fail(state, "error.noLines")
        : openPrompt(state, { kind: "override", lineId: line.id });
    }
    case "line.discount": {
      const line = selectedLine(state);
      return line === undefined
        ? fail(state, "error.noLines")
        : openPrompt(state, { kind: "lineDiscount", lineId: line.id });
    }
    case "sale.discount":
      return empty ? fail(state, "error.emptySale") : openPrompt(state, { kind: "saleDiscount" });
    case "sale.total":
      return startPayment(state, env);
    case "sale.hold":
      if (empty) return fail(state, "error.emptySale");
      return done(
        { ...state, busy: true, status: msgStatus("info.holding") },
        {
          type: "holdSale",
          id: state.sale.id,
          lines: state.sale.lines.map((l) => ({
            code: l.code,
            qtyMilli: l.qtyMilli,
            ...(l.priceGiven ? { unitPriceMinor: l.unitPriceMinor } : {}),
            ...(l.discount ? { discount: l.discount } : {}),
          })),
          cashierId: state.cashier?.id ?? "",
        },
      );
    case "sale.resume":
      if (!empty) return fail(state, "error.finishSaleFirst");
      return done(goTo({ ...state, busy: true, status: null }, { kind: "held", list: null, selected: 0 }), {
        type: "listHeld",
      });
    case "sale.void":
      if (empty) return fail(state, "error.emptySale");
      if (state.sale.tenders.length > 0) return fail(state, "error.tendersTaken");
      return done(
        {
          ...state,
          sale: emptySale(env.newId()),
          quote: null,
          selectedLine: null,
          status: msgStatus("info.saleVoided"),
        },
        { type: "display", show: "welcome" },
      );
    case "product.search":
      return done(goTo({ ...state, status: null }, { kind: "search", results: [], selected: 0 }));
    case "menu.open":
      return done(goTo({ ...state, status: null }, { kind: "menu", selected: 0 }));
    case "receipt.view":
      if (state.lastSale === null) return fail(state, "error.noReceipt");
      return done(goTo({ ...state, status: null }, { kind: "receipt", scroll: 0 }));
    case "sale.returns":
      return openReturns(state);
    case "drawer.noSale":
      if (!empty) return fail(state, "error.finishSaleFirst");
      return withApproval(state, "noSale", { type: "drawer.noSale" }, env);
    case "report.x":
      return done(
        goTo({ ...state, busy: true, status: null }, { kind: "xReport", report: null, scroll: 0 }),
        { type: "xReport" },
      );
    case "shift.close": {
      if (!empty) return fail(state, "error.finishSaleFirst");
      const counts = denominationsFor(env.settings.currency).map(() => 0);
      return done(
        goTo({ ...state, status: null }, { kind: "shiftClose", counts, selected: 0, closed: null }),
      );
    }
    case "customer.message":
      return openPrompt(state, { kind: "customerMessage" });
    case "till.quit":
      return note(state, "info.lockToQuit");
    default:
      return done(state);
  }
}
