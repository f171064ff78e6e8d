/**
 * The till as a pure function: `(state, command, env) => { state, effects }`. Commands are the
 * keymap's named commands, typed text, and the results of effects. Nothing here does I/O.
 */
import type { KeyCommand } from "../keys/keymap.ts";
import { refuseAge } from "./age-check.ts";
import { applyApproved } from "./approvals.ts";
import { bookingCheckedIn, bookingsListed, slotsListed } from "./bookings.ts";
import { cancelCard, cardAnswered, declineCard, tenderRemoved } from "./card.ts";
import { cardRedeemed, customerAttached } from "./customer.ts";
import { customerServices, customersFound } from "./customer-search.ts";
import { deliveriesListed, deliveryUpdated } from "./deliveries.ts";
import { departmentsListed } from "./department-ring.ts";
import { addDepositReturn } from "./deposits.ts";
import { done, emptySale, goTo, msg } from "./initial.ts";
import { invoiceIssued } from "./invoice.ts";
import { MENU_ITEMS, menuIndexOf } from "./menu.ts";
import { orderCollected, orderOpened, ordersListed } from "./orders.ts";
import { tender } from "./payment.ts";
import { promoCodeAccepted } from "./promo-codes.ts";
import { submitPrompt, submitSerial, withLabel } from "./prompts.ts";
import { openQuickKeys, quickKeysKey, quickKeyTyped } from "./quick-keys.ts";
import { orderPlaced } from "./quick-order.ts";
import { refusedResent } from "./refused.ts";
import { restaurantAnswered } from "./restaurant.ts";
import { returnRecorded, returnsFound } from "./returns.ts";
import { addLine, addLookup, reprice } from "./sale.ts";
import { holdEffect, menuChoose, msgStatus, screenKey } from "./screen-keys.ts";
import { shiftChecked } from "./shift.ts";
import { applyStaffDiscount } from "./staff-discount.ts";
import type { Command, Message, SaleLine, TillEnv, TillState, Transition } from "./types.ts";

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
    case "status.ok":
      return done({ ...state, status: { tone: "ok", message: command.message } });
    case "status.info":
      return done({ ...state, status: { tone: "info", message: command.message } });
    case "receipt.emailed":
      return done({
        ...state,
        busy: false,
        status: { tone: "ok", message: msg("ok.receiptEmailed", { receiptNo: command.receiptNo }) },
      });
    case "invoice.issued":
      return invoiceIssued(state, command.number, command.printed);
    case "restaurant.answered":
      return restaurantAnswered(state, command.answer, command.said);
    case "request.failed":
      return requestFailed(state, command.message);
    case "input.scanned":
      return scanned(state, command.text, env);
    case "login.ok": {
      const owner = state.sale.cashierId;
      if (
        owner !== undefined &&
        owner !== command.cashier.id &&
        state.sale.lines.length > 0 &&
        state.sale.tenders.length === 0
      ) {
        // The sale stays with the cashier who started it: held for them, not handed over.
        const next = goTo(
          { ...state, cashier: command.cashier, busy: true, status: msgStatus("info.holding") },
          { kind: "sale" },
        );
        return done(next, holdEffect(state, true));
      }
      const screen = state.sale.tenders.length > 0 ? { kind: "payment" as const } : { kind: "sale" as const };
      const status = { tone: "ok" as const, message: msg("ok.welcome", { name: command.cashier.name }) };
      const next = goTo({ ...state, cashier: command.cashier, busy: false, status }, screen);
      // The store says whether the till has a shift open; without one the float is counted first.
      const check = { type: "checkShift" as const, atLogIn: true };
      return state.sale.lines.length === 0
        ? done(next, { type: "display", show: "welcome" }, check)
        : done(next, check);
    }
    case "lookup.ok": {
      // After asking the store, what was typed or scanned meanwhile stays on the input line.
      const typed = state.busy ? state.input : "";
      const base = { ...state, busy: false };
      const lookup = withLabel(command.lookup, command.label);
      const next =
        command.purpose === "depositReturn"
          ? addDepositReturn(base, lookup, command.qtyMilli, env)
          : addLookup(base, lookup, command.qtyMilli, env);
      if (typed === "" || next.state.prompt !== null || next.state.busy) return next;
      return { ...next, state: { ...next.state, input: typed } };
    }
    case "staff.found":
      return applyStaffDiscount(state, command.staff, env);
    case "lookup.asking":
      // Busy: a scan's Enter meanwhile waits its turn, so lines are rung in the order scanned.
      return done({
        ...state,
        busy: true,
        status: { tone: "info", message: msg("info.askingStore", { code: command.code }) },
      });
    case "weight.ok":
      return addLine({ ...state, busy: false }, command.product, command.weightMilli, undefined, env);
    case "search.ok":
      // Results for text since changed are not shown: the newer search's answer is on its way.
      if (state.screen.kind !== "search" || command.text !== state.input.trim()) return done(state);
      return done({
        ...state,
        screen: { kind: "search", query: command.text, results: command.results, selected: 0 },
      });
    case "approval.ok":
      return applyApproved(
        state,
        command.approved,
        command.approver.id,
        command.pin,
        env,
        command.approver.proof,
      );
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
          status: {
            tone: "ok",
            message: change > 0 ? msg("ok.saleComplete", { changeMinor: change }) : msg("ok.saleDone"),
          },
        },
        { kind: "sale" },
      );
      // What was typed or scanned while the sale was being recorded starts the next sale.
      return done({ ...next, input: state.input });
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
            status: command.handover
              ? { tone: "info", message: msg("info.saleHeldForCashier") }
              : { tone: "ok", message: msg("ok.saleHeld") },
          },
          { kind: "sale" },
        ),
        { type: "display", show: "welcome" },
      );
    case "held.listed":
      if (state.screen.kind !== "held") return done({ ...state, busy: false });
      return done({ ...state, busy: false, screen: { ...state.screen, list: command.list, selected: 0 } });
    case "held.resumed":
      return resumed(state, command, env);
    case "sale.found":
      return returnsFound(state, command.sale);
    case "return.recorded":
      return returnRecorded(state, command.receiptNo, command.totalMinor, command.tenders);
    case "drawer.opened":
      return done({ ...state, busy: false, status: { tone: "ok", message: msg("ok.drawerOpened") } });
    case "report.loaded":
      return done({ ...state, busy: false, screen: { kind: "xReport", report: command.report, scroll: 0 } });
    case "shift.closed": {
      if (state.screen.kind !== "shiftClose") return done({ ...state, busy: false });
      const screen = { ...state.screen, closed: command.report, scroll: 0 };
      return done({ ...state, busy: false, screen, status: { tone: "ok", message: msg("ok.shiftClosed") } });
    }
    case "shift.checked":
      return shiftChecked(state, command.open, command.atLogIn, env);
    case "link.online": {
      const next = { ...state, status: { tone: "info" as const, message: msg("info.online") } };
      return state.cashier === null ? done(next) : done(next, { type: "checkShift", atLogIn: false });
    }
    case "shift.opened":
      return done(
        goTo(
          {
            ...state,
            busy: false,
            status: { tone: "ok", message: msg("ok.shiftOpened", { floatMinor: command.floatMinor }) },
          },
          { kind: "sale" },
        ),
      );
    case "shift.expected": {
      if (state.screen.kind !== "shiftClose") return done({ ...state, busy: false });
      const screen = { ...state.screen, expectedMinor: command.expectedMinor };
      return done({ ...state, busy: false, screen, status: msgStatus("shift.confirmClose") });
    }
    case "cash.moved": {
      const key = command.direction === "in" ? "ok.cashIn" : "ok.cashOut";
      const params = { amountMinor: command.amountMinor, expectedMinor: command.expectedCashMinor };
      return done({ ...state, busy: false, status: { tone: "ok", message: msg(key, params) } });
    }
    case "prints.listed":
      if (state.screen.kind !== "prints") return done(state);
      return done({ ...state, screen: { ...state.screen, list: command.list, selected: 0 } });
    case "refused.listed":
      if (state.screen.kind !== "refused") return done(state);
      return done({ ...state, screen: { ...state.screen, list: command.list, selected: 0 } });
    case "refused.resent":
      return refusedResent(state, command.saleId, command.receiptNo);
    case "card.answered":
      if (state.prompt?.kind !== "cardWait") return done({ ...state, busy: false });
      return cardAnswered(state, command.amountMinor, command.answer, (next, added) =>
        tender(next, added, env),
      );
    case "departments.listed":
      return departmentsListed(state, command.departments);
    case "customer.attached":
      return customerAttached(state, command.customer, command.how, env);
    case "customers.found":
      return customersFound(state, command.list);
    case "card.redeemed":
      return cardRedeemed(state, command.tender, env);
    case "promoCode.accepted":
      return promoCodeAccepted(state, command.code, command.names, env);
    case "orders.listed":
      return ordersListed(state, command.list);
    case "cash.expensed": {
      const params = {
        category: command.category,
        amountMinor: command.amountMinor,
        expectedMinor: command.expectedCashMinor,
      };
      return done({ ...state, busy: false, status: { tone: "ok", message: msg("ok.expense", params) } });
    }
    case "deliveries.listed":
      return deliveriesListed(state, command.list);
    case "delivery.updated":
      return deliveryUpdated(state, command.delivery, command.courierGiven);
    case "bookings.listed":
      return bookingsListed(state, command.list, command.done);
    case "bookings.slots":
      return slotsListed(state, command.serviceCode, command.list);
    case "customer.services":
      return customerServices(state, command.card);
    case "booking.checkedIn":
      return bookingCheckedIn(state, command.booking, command.product, env, command.packageId);
    case "order.opened":
      return orderOpened(state, command.order);
    case "order.placed":
      return orderPlaced(state, command.basketId, command.placed, env);
    case "order.collected":
      return orderCollected({ ...state, lastSale: command.last }, command.collected);
    case "card.refunded":
      return tenderRemoved(state, command.index, command.refundRef, command.approvedBy, command.proof, env);
    default:
      return key(state, command, env);
  }
}

/**
 * A scanner's burst. A menu or a yes/no question never takes one (a code starting with 5 would
 * choose the menu's fifth entry); everywhere else it is the text typed, then Enter.
 */
function scanned(state: TillState, text: string, env: TillEnv): Transition {
  if (!state.help && state.prompt === null && state.screen.kind === "menu")
    return done({ ...state, status: { tone: "error", message: msg("error.scanInMenu") } });
  if (!state.help && (state.prompt?.kind === "confirm" || state.prompt?.kind === "age"))
    return done({ ...state, input: "", status: { tone: "error", message: msg("error.scanInQuestion") } });
  if (!state.help && state.prompt?.kind === "serial" && !state.busy)
    return submitSerial({ ...state, input: text }, state.prompt, true, env);
  const typed = reduce(state, { type: "input.text", text }, env);
  const entered = reduce(typed.state, { type: "input.submit" }, env);
  return { state: entered.state, effects: [...typed.effects, ...entered.effects] };
}

function requestFailed(state: TillState, message: Message): Transition {
  const status = { tone: "error" as const, message };
  const base: TillState = { ...state, busy: false, status };
  // A list or report that could not be fetched: back to the sale, with the reason.
  if (
    (state.screen.kind === "held" && state.screen.list === null) ||
    (state.screen.kind === "xReport" && state.screen.report === null) ||
    (state.screen.kind === "refused" && state.screen.list === null) ||
    (state.screen.kind === "customers" && state.screen.list === null) ||
    (state.screen.kind === "deliveries" && state.screen.list === null) ||
    state.screen.kind === "shiftOpen"
  ) {
    return done({ ...goTo(base, { kind: "sale" }), status });
  }
  return done(base);
}

function resumed(
  state: TillState,
  held: Extract<Command, { type: "held.resumed" }>,
  env: TillEnv,
): Transition {
  const sale = emptySale(env.newId());
  const numbered: SaleLine[] = held.lines.map((line, i) => ({ ...line, id: i + 1 }));
  const next = reprice(
    state,
    {
      ...sale,
      lines: numbered,
      nextLineId: numbered.length + 1,
      ...(held.discount ? { discount: held.discount } : {}),
      ...(held.cashierId ? { cashierId: held.cashierId } : {}),
      audit: held.audit ?? [],
    },
    env,
  );
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
  if (state.prompt?.kind === "cardWait") {
    // The terminal has the amount: only Esc (cancel it there) does anything.
    return type === "back" ? cancelCard(state) : done(state);
  }
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
    if (type === "back" && state.prompt.kind === "cardConfirm") return declineCard(state);
    if (type === "back" && state.prompt.kind === "age") return refuseAge(state, state.prompt);
    if (type === "back") return done({ ...state, prompt: null, input: "", status: null });
    return done(state);
  }
  if (state.screen.kind === "quickKeys") return quickKeysKey(state, state.screen, type as KeyCommand, env);
  if (type === "quickKeys.open" && state.screen.kind === "sale") return openQuickKeys(state, env);
  return screenKey(state, type as KeyCommand, env);
}

function textOn(state: TillState, command: Command, env: TillEnv): Transition {
  const screen = state.screen;
  if (command.type === "input.text" && state.prompt === null && screen.kind === "menu") {
    // One digit chooses; what came after it in the same read (keys sent in a burst) goes to
    // the screen it opens, as if typed there.
    const [first = "", ...rest] = [...command.text.trimStart()];
    const item = MENU_ITEMS[menuIndexOf(first)];
    if (item === undefined) return done(state);
    const chosen = menuChoose(state, item, env);
    if (rest.length === 0) return chosen;
    const after = reduce(chosen.state, { type: "input.text", text: rest.join("") }, env);
    return { state: after.state, effects: [...chosen.effects, ...after.effects] };
  }
  if (command.type === "input.text" && state.prompt === null && screen.kind === "quickKeys")
    return quickKeyTyped(state, screen, command.text, env, (s, code) => scanned(s, code, env));
  const next = editInput(state, command);
  if (screen.kind === "search" && state.prompt === null && next.input !== state.input) {
    const text = next.input.trim();
    if (text.length >= 2) return done(next, { type: "search", text });
    return done({ ...next, screen: { kind: "search", query: "", results: [], selected: 0 } });
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
