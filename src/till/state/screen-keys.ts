/**
 * Keys on each screen once logged in: the sale screen's commands, and the lists, documents and
 * forms reached from it (search, held sales, receipt, X report, menu, returns, shift close).
 */

import type { KeyCommand } from "../keys/keymap.ts";
import { askApproval, askVoidSale, changeQty, voidSelected, withApproval } from "./approvals.ts";
import { payBankTransfer } from "./bank-transfer.ts";
import { toTillLine } from "./basket.ts";
import { bookingsKey, openBookings } from "./bookings.ts";
import { payFromAccount } from "./card-account.ts";
import { payCustom } from "./custom-tender.ts";
import { payGiftCard, payPoints } from "./customer.ts";
import { customersKey } from "./customer-search.ts";
import { deliveriesKey, openDeliveries } from "./deliveries.ts";
import { startDepartmentRing } from "./department-ring.ts";
import { refuseOnDeposit } from "./deposits.ts";
import { payEbt } from "./ebt.ts";
import { clampSelection, done, fail, goTo, msg, note } from "./initial.ts";
import { askInvoiceBuyer } from "./invoice.ts";
import { MENU_ITEMS } from "./menu.ts";
import { openOrders, ordersKey } from "./orders.ts";
import { parseSaleEntry } from "./parse-input.ts";
import { leavePayment, payCard, payCash, removeLastTender, startPayment } from "./payment.ts";
import { openPrompt } from "./prompts.ts";
import { askReceiptEmail, openReceiptQr } from "./receipt-link.ts";
import { openRefused, refusedKey } from "./refused.ts";
import { openTables, tableOrderKey, tablesKey } from "./restaurant.ts";
import { openReturns, returnsMark, returnsMove, returnsSubmit, returnsToggleCash } from "./returns.ts";
import { sayLacked } from "./role-gate.ts";
import { addLookup, moveSelection, selectedLine, submitEntry } from "./sale.ts";
import { closeShiftScreen, openShiftScreen, shiftCloseKey, shiftOpenKey } from "./shift.ts";
import { askStaffPin } from "./staff-discount.ts";
import type { Effect, TillEnv, TillState, Transition } from "./types.ts";

const PAGE = 10;

export function msgStatus(key: Parameters<typeof msg>[0]): TillState["status"] {
  return { tone: "info", message: msg(key) };
}

/**
 * Holds the sale with everything it has: line prices (and where they came from), line and sale
 * discounts, the audit of what was done to it (approvers included) and the cashier who started it.
 */
export function holdEffect(state: TillState, handover: boolean): Effect {
  return {
    type: "holdSale",
    id: state.sale.id,
    lines: state.sale.lines.map(toTillLine),
    ...(state.sale.discount ? { discount: state.sale.discount } : {}),
    audit: state.sale.audit,
    cashierId: state.sale.cashierId ?? state.cashier?.id ?? "",
    ...(handover ? { handover: true } : {}),
  };
}

export function menuChoose(state: TillState, command: KeyCommand, env: TillEnv): Transition {
  return sayLacked(state, command, saleKey(goTo(state, { kind: "sale" }), command, env));
}

const list = clampSelection;

export function screenKey(state: TillState, type: KeyCommand, env: TillEnv): Transition {
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
      return sayLacked(state, type, saleKey(state, type, env));
    case "payment":
      if (type === "input.submit") return payCash(state, env);
      if (type === "payment.card") return payCard(state, env);
      if (type === "payment.card2") return payCard(state, env, 2);
      if (type === "payment.ebt") return payEbt(state, env);
      if (type === "payment.points") return payPoints(state, env);
      if (type === "payment.giftcard") return payGiftCard(state, env);
      if (type === "payment.custom") return payCustom(state, env);
      if (type === "payment.account") return payFromAccount(state, env);
      if (type === "line.discount") return payBankTransfer(state, env);
      if (type === "line.void") return removeLastTender(state, env);
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
      if (type === "receipt.view") {
        if (state.lastSale === null) return fail(state, "error.noReceipt");
        return done(
          { ...state, status: msgStatus("info.reprinting") },
          { type: "reprint", key: { receiptNo: state.lastSale.receiptNo } },
        );
      }
      if (type === "back") return done(goTo(state, { kind: "sale" }));
      return done(state);
    case "receiptQr":
      if (type === "receipt.qr" || type === "back") return done(goTo(state, { kind: "sale" }));
      if (type === "receipt.email") return askReceiptEmail(state);
      // The next customer's first scan starts their sale.
      if (type === "input.submit") return saleKey(goTo(state, { kind: "sale" }), type, env);
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
      if (type === "line.qty") return returnsMark(state);
      if (type === "refund.cash") return returnsToggleCash(state);
      if (type === "back") {
        if (screen.sale !== null && screen.done === null)
          return done({ ...state, input: "", screen: { ...screen, sale: null, picks: [] } });
        return done(goTo({ ...state, status: null }, { kind: "sale" }));
      }
      if (type === "sale.total") return returnsRefund(state, env);
      return done(state);
    case "prints": {
      const length = screen.list?.length ?? 0;
      if (delta !== 0)
        return done({ ...state, screen: { ...screen, selected: list(screen.selected, delta, length) } });
      if (type === "back") return done(goTo({ ...state, status: null }, { kind: "sale" }));
      if (type === "input.submit") {
        // A receipt number typed (or scanned from the receipt) wins over the line chosen.
        const typed = state.input.trim();
        const chosen = screen.list?.[screen.selected];
        if (typed === "" && chosen === undefined) return fail(state, "error.noReceipt");
        const key = typed !== "" ? { receiptNo: typed } : { id: chosen?.id ?? 0 };
        return done({ ...state, input: "", status: msgStatus("info.reprinting") }, { type: "reprint", key });
      }
      return done(state);
    }
    case "shiftClose":
      return shiftCloseKey(state, screen, type, delta, env);
    case "shiftOpen":
      return shiftOpenKey(state, screen, type, delta, env);
    case "refused":
      return refusedKey(state, screen, type, delta);
    case "customers":
      return customersKey(state, screen, type, delta);
    case "orders":
      return ordersKey(state, screen, type, delta, env);
    case "deliveries":
      return deliveriesKey(state, screen, type, delta, env);
    case "bookings":
      return bookingsKey(state, screen, type, delta, env);
    case "tables":
      return tablesKey(state, screen, type, env);
    case "tableOrder":
      return tableOrderKey(state, screen, type, env);
    case "login":
    case "quickKeys":
      return done(state);
  }
}

function saleKey(state: TillState, type: KeyCommand, env: TillEnv): Transition {
  const empty = state.sale.lines.length === 0;
  const refused = refuseOnDeposit(state, type);
  if (refused !== null) return refused;
  switch (type) {
    case "input.submit": {
      // `5*` alone sets the selected line's quantity.
      const entry = parseSaleEntry(state.input);
      const line = selectedLine(state);
      if (entry?.kind === "missingCode" && line !== undefined)
        return changeQty({ ...state, input: "" }, line.id, entry.qtyMilli, env);
      return submitEntry(state, env);
    }
    case "line.qty": {
      const line = selectedLine(state);
      return line === undefined
        ? fail(state, "error.noLines")
        : openPrompt(state, { kind: "quantity", lineId: line.id });
    }
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
      if (state.sale.lines.some((l) => l.kind === "depositReturn")) return fail(state, "error.holdEmpties");
      return done({ ...state, busy: true, status: msgStatus("info.holding") }, holdEffect(state, false));
    case "sale.resume":
      if (!empty) return fail(state, "error.finishSaleFirst");
      return done(goTo({ ...state, busy: true, status: null }, { kind: "held", list: null, selected: 0 }), {
        type: "listHeld",
      });
    case "sale.void":
      return askVoidSale(state);
    case "product.search":
      return done(goTo({ ...state, status: null }, { kind: "search", query: "", results: [], selected: 0 }));
    case "menu.open":
      return done(goTo({ ...state, status: null }, { kind: "menu", selected: 0 }));
    case "receipt.view":
      if (state.lastSale === null) return fail(state, "error.noReceipt");
      return done(goTo({ ...state, status: null }, { kind: "receipt", scroll: 0 }));
    case "receipt.reprint":
      return done(goTo({ ...state, input: "", status: null }, { kind: "prints", list: null, selected: 0 }), {
        type: "listPrints",
      });
    case "sale.returns":
      return openReturns(state);
    case "orders.open":
      return openOrders(state, env);
    case "deliveries.open":
      return openDeliveries(state);
    case "bookings.open":
      return openBookings(state, env);
    case "tables.open":
      return openTables(state, env);
    case "drawer.noSale":
      if (!empty) return fail(state, "error.finishSaleFirst");
      return withApproval(state, "noSale", { type: "drawer.noSale" }, env);
    case "report.x":
      return done(
        goTo({ ...state, busy: true, status: null }, { kind: "xReport", report: null, scroll: 0 }),
        { type: "xReport" },
      );
    case "shift.close":
      return closeShiftScreen(state, env);
    case "shift.open":
      return openShiftScreen(state, env);
    case "cash.in":
    case "cash.out":
      return openPrompt(state, { kind: "cashAmount", direction: type === "cash.in" ? "in" : "out" });
    case "cash.expense":
      return openPrompt(state, { kind: "cashAmount", direction: "expense" });
    case "customer.message":
      return openPrompt(state, { kind: "customerMessage" });
    case "price.check":
      return openPrompt(state, { kind: "priceCheck" });
    case "customer.card":
      return openPrompt(state, { kind: "customerCard" });
    case "sale.invoice":
      return askInvoiceBuyer(state);
    case "sale.promoCode":
      return openPrompt(state, { kind: "promoCode" });
    case "department.ring":
      return startDepartmentRing(state);
    case "giftcard.sell":
      return openPrompt(state, { kind: "giftCardSaleNumber" });
    case "deposit.return":
      return openPrompt(state, { kind: "depositReturn" });
    case "sale.staffDiscount":
      return askStaffPin(state);
    case "sales.refused":
      return openRefused(state);
    case "receipt.qr":
      return openReceiptQr(state);
    case "receipt.email":
      return askReceiptEmail(state);
    case "till.quit":
      return note(state, "info.lockToQuit");
    default:
      return done(state);
  }
}

/** The refund key: as paid (the store's refund approval applies), or all in cash (always a supervisor). */
function returnsRefund(state: TillState, env: TillEnv): Transition {
  const screen = state.screen;
  if (screen.kind !== "returns") return done(state);
  if (screen.sale === null || screen.picks.length === 0) return fail(state, "error.noReturnLines");
  if (screen.done !== null) return done(state);
  if (screen.inCash) return askApproval(state, "refund", { type: "return.record" });
  return withApproval(state, "refund", { type: "return.record" }, env);
}
