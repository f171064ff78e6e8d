/**
 * Carries out the reducer's effects against the services and devices, and feeds each result
 * back as a command. Lookups and searches are local and answer at once; everything else is a
 * promise whose failure becomes a status-line message (the sale in progress stays as it is).
 */

import { DomainError } from "../../core/errors.ts";
import { uuidv7 } from "../../core/ids.ts";
import { convertWeightMilli } from "../../core/quantity.ts";
import { renderReceiptText } from "../../core/receipt-layout.ts";
import { inTraining } from "../../core/training.ts";
// The two light modules the screens need at once; the drivers load only when a device is configured.
import { itemLines, thankYouLines, totalLines, welcomeLines } from "../../devices/display/display-text.ts";
import type { DisplayLines } from "../../devices/index.ts";
import { payByCard } from "../../devices/payment/pay-by-card.ts";
import type { PaymentResult } from "../../devices/payment/payment-terminal.ts";
import { describeReading } from "../../devices/scale/scale.ts";
import { log } from "../../shared/log.ts";
import type { CompletedSale, HeldSaleDoc, HeldSaleSummary, TillProduct, TillServices } from "../services.ts";
import { priceSale, promotionsAt } from "../state/basket.ts";
import type { CardAnswer, Command, Effect, Message, SaleLine } from "../state/types.ts";
import { runBookingEffect } from "./booking-effects.ts";
import { runDeliveryEffect } from "./delivery-effects.ts";
import { CARD_TIMEOUT_MS, type EffectContext, settle } from "./effect-context.ts";
import { errorToMessage } from "./error-message.ts";
import { withRegistrar } from "./fiscal-registrar.ts";
import { withSignature } from "./fiscal-signing.ts";
import { issueInvoice } from "./invoice-effects.ts";
import { runOrderEffect } from "./order-effects.ts";
import { checkPromoCode } from "./promo-code-effects.ts";
import { placeQuickOrder } from "./quick-order-effects.ts";
import { saleReceipt } from "./receipt.ts";
import { runRestaurantEffect } from "./restaurant-effects.ts";
import { payBackReturn } from "./return-refund.ts";
import { runShiftEffect } from "./shift-effects.ts";

export type { EffectContext, TillDevices } from "./effect-context.ts";
export { CARD_TIMEOUT_MS } from "./effect-context.ts";

const SCALE_TIMEOUT_MS = 3000;

/** The cashier logged in, for what depends on who acts (training). */
function cashierOf(ctx: EffectContext): { cashierId?: string } {
  const cashier = ctx.state().cashier;
  return cashier ? { cashierId: cashier.id } : {};
}

/** Shows two lines on the customer display; the lines are only made when there is one. */
function show(ctx: EffectContext, lines: () => DisplayLines): void {
  const display = ctx.devices.display;
  if (display !== undefined) void display.show(lines());
}

function money(ctx: EffectContext) {
  return { currency: ctx.services.settings().currency, locale: ctx.translator().locale };
}

async function complete(
  ctx: EffectContext,
  effect: Extract<Effect, { type: "completeSale" }>,
): Promise<Command> {
  const { services, devices } = ctx;
  const tillId = services.identity().tillId;
  // A training sale takes no number of the till's receipts and is never sent as a sale: only
  // its trace goes to the store's audit log (core/training.ts). It is no fiscal transaction
  // either: the signature device and the fiscal printer never see it.
  const training = inTraining(services.settings(), tillId, effect.sale.cashierId);
  const receiptNo = training
    ? `TRAINING-${effect.sale.id.slice(-12)}`
    : (effect.receiptNo ?? services.nextReceiptNo());
  if (effect.receiptNo === null && !training) ctx.dispatch({ type: "sale.numbered", receiptNo });
  const numbered: CompletedSale = { ...effect.sale, receiptNo, tillId };
  const signed = training ? numbered : await withSignature(ctx, numbered);
  const state = ctx.state();
  const receipt = saleReceipt(signed, {
    settings: services.settings(),
    locale: ctx.translator().locale,
    tillId: signed.tillId,
    cashierName: state.cashier?.name ?? null,
    copyUrl: services.receiptLink(signed.id),
    unitOf: (code) => state.sale.lines.find((l) => l.code === code)?.unit,
  });
  const doc = training ? { ...receipt, training: true, copyUrl: undefined } : receipt;
  const columns = devices.printer?.columns ?? ctx.receiptColumns;
  let sale = signed;
  if (training) {
    services.trace({
      action: "training.sale",
      detail: { saleId: sale.id, lines: sale.lines.length, totalMinor: sale.quote.totalMinor },
    });
  } else {
    // A fiscal printer prints the receipt itself and keeps it: its number goes with the sale.
    sale = await withRegistrar(ctx, signed, () => renderReceiptText(doc, columns));
    await services.completeSale(sale);
  }
  let printed = sale.registrar?.status === "printed";
  // Journalled on disk before it goes to the printer, so it can be printed again at any time.
  services.journalPrint(doc, sale.cashierId);
  if (devices.printer && !printed) {
    devices.printer.print(doc);
    printed = true;
  }
  if (!training && (sale.opensDrawer === true || sale.tenders.some((t) => t.type === "cash"))) {
    void devices.drawer?.open("sale", { saleId: sale.id, cashierId: sale.cashierId });
  }
  show(ctx, () => thankYouLines(sale.changeMinor, money(ctx)));
  return {
    type: "sale.completed",
    last: {
      saleId: sale.id,
      receiptNo,
      copyUrl: doc.copyUrl ?? null,
      totalMinor: sale.quote.totalMinor,
      changeMinor: sale.changeMinor,
      receiptText: renderReceiptText(doc, columns),
      printed,
    },
  };
}

/** A held sale as the reducer takes it back: lines named from the catalog, the rest as it was. */
function resumed(services: TillServices, held: HeldSaleDoc): Extract<Command, { type: "held.resumed" }> {
  let previous: TillProduct | undefined;
  const lines = held.lines.map((line, i): Omit<SaleLine, "id"> => {
    const { product } = services.lookup(line.code);
    // A deposit follows its item, of the same quantity: linked again (lines are numbered from 1).
    const linked =
      previous?.depositCode === product.code && held.lines[i - 1]?.qtyMilli === line.qtyMilli
        ? { kind: "deposit" as const, linkedTo: i }
        : {};
    previous = product;
    return {
      ...linked,
      ...(product.snapEligible ? { snapEligible: true } : {}),
      code: product.code,
      name: product.name,
      unit: product.unit,
      qtyMilli: line.qtyMilli,
      unitPriceMinor: line.unitPriceMinor ?? product.priceMinor,
      priceGiven: line.unitPriceMinor !== undefined,
      ...(line.priceSource === "override" ? { overridden: true } : {}),
      taxClass: product.taxClass,
      soldByWeight: product.soldByWeight,
      // What promotions name a line by.
      department: product.department,
      ...(product.category !== undefined ? { category: product.category } : {}),
      ...(line.discount ? { discount: line.discount } : {}),
      ...(line.lot === undefined ? {} : { lot: line.lot }),
      ...(line.expiry === undefined ? {} : { expiry: line.expiry }),
      ...(line.serial === undefined ? {} : { serial: line.serial }),
    };
  });
  return {
    type: "held.resumed",
    lines,
    ...(held.discount ? { discount: held.discount } : {}),
    audit: held.audit,
    cashierId: held.cashierId,
  };
}

/** A held sale's total and first items, priced from the till's catalog as a resume would. */
function priceHeld(services: TillServices, held: HeldSaleSummary): HeldSaleSummary {
  try {
    const lines = resumed(services, { lines: held.basket, audit: [], cashierId: null }).lines.map(
      (line, i) => ({
        ...line,
        id: i + 1,
      }),
    );
    const settings = services.settings();
    const promotions = services.promotions?.();
    const quote = priceSale(
      { lines },
      settings,
      promotions === undefined
        ? null
        : promotionsAt({ promotions, now: () => new Date().toISOString(), settings }),
    );
    return { ...held, totalMinor: quote?.totalMinor ?? 0, items: lines.slice(0, 3).map((l) => l.name) };
  } catch {
    // A code this till does not know yet: the list still shows the rest.
    return { ...held, totalMinor: null, items: held.basket.slice(0, 3).map((l) => l.code) };
  }
}

async function weigh(ctx: EffectContext, effect: Extract<Effect, { type: "weigh" }>): Promise<Command> {
  const scale = ctx.devices.scale;
  if (scale === undefined)
    return { type: "request.failed", message: { key: "error.scaleFailed", params: { detail: "-" } } };
  const reading = await scale.readStable({ timeoutMs: SCALE_TIMEOUT_MS });
  if (reading.status === "stable" && reading.weightMilli > 0) {
    // The item's price is per its unit: a scale set to the other one is converted.
    const unit = effect.product.unit;
    const weightMilli =
      unit === "kg" || unit === "lb"
        ? convertWeightMilli(reading.weightMilli, reading.unit, unit)
        : reading.weightMilli;
    return { type: "weight.ok", product: effect.product, weightMilli };
  }
  const detail = describeReading(reading);
  const key =
    reading.status === "no-answer" || reading.status === "error"
      ? "error.scaleFailed"
      : "error.scaleNotStable";
  return { type: "request.failed", message: { key, params: { detail } } };
}

/**
 * Rings a code from the till's catalog (local, at once). A code it does not know is asked of
 * the store while it is reachable (the till is busy for that moment, a deadline under a
 * second); offline, or when the store does not know it either, the code is unknown.
 */
function lookupCode(ctx: EffectContext, effect: Extract<Effect, { type: "lookup" }>): void {
  const { services } = ctx;
  const { code, qtyMilli } = effect;
  const purpose = {
    ...(effect.purpose ? { purpose: effect.purpose } : {}),
    ...(effect.label ? { label: effect.label } : {}),
  };
  try {
    ctx.dispatch({ type: "lookup.ok", lookup: services.lookup(code), qtyMilli, ...purpose });
    return;
  } catch (err) {
    if (!(err instanceof DomainError && err.code === "UNKNOWN_CODE") || !services.status().online) {
      ctx.dispatch({ type: "status.error", message: errorToMessage(err, { code }) });
      return;
    }
    ctx.dispatch({ type: "lookup.asking", code });
    services.lookupAtStore(code).then(
      (found) => {
        if (found !== null) {
          ctx.dispatch({ type: "lookup.ok", lookup: found, qtyMilli, ...purpose });
          return;
        }
        // Not a product anywhere: a customer's card, when the store has one by that number.
        if (purpose.purpose === undefined && qtyMilli === null) {
          findCardOrUnknown(ctx, code, errorToMessage(err, { code }));
          return;
        }
        ctx.dispatch({ type: "request.failed", message: errorToMessage(err, { code }) });
      },
      (failure: unknown) =>
        ctx.dispatch({ type: "request.failed", message: errorToMessage(failure, { code }) }),
    );
  }
}

/** A scanned code no product has: the customer's card it is, or the product's "unknown code". */
function findCardOrUnknown(ctx: EffectContext, code: string, unknown: Message): void {
  const find = ctx.services.findCard;
  if (find === undefined || !ctx.services.status().online || !/^[0-9A-Za-z-]{4,32}$/.test(code)) {
    ctx.dispatch({ type: "request.failed", message: unknown });
    return;
  }
  find(code).then(
    (customer) => ctx.dispatch({ type: "customer.attached", customer, how: "found" }),
    (failure: unknown) => {
      // Not a card either, or the store stopped answering meanwhile: the code is unknown here.
      const notCard =
        !(failure instanceof DomainError) ||
        failure.code === "CARD_NOT_FOUND" ||
        failure.code === "STORE_UNREACHABLE" ||
        failure.kind === "unavailable";
      ctx.dispatch({ type: "request.failed", message: notCard ? unknown : errorToMessage(failure) });
    },
  );
}

/** Shows a code's price without adding it to the sale, and keeps the check for the store's audit log. */
function priceCheck(ctx: EffectContext, code: string): void {
  const { services } = ctx;
  let lookup: ReturnType<TillServices["lookup"]>;
  try {
    lookup = services.lookup(code);
  } catch (err) {
    ctx.dispatch({ type: "status.error", message: errorToMessage(err, { code }) });
    return;
  }
  const { product } = lookup;
  const priceMinor = lookup.priceMinor ?? product.priceMinor;
  const params = { name: product.name, priceMinor, unit: product.unit };
  const online = services.status().online;
  ctx.dispatch({
    type: "status.info",
    message: { key: online ? "info.priceCheck" : "info.priceCheckOffline", params },
  });
  // Online, the stock on hand here follows the price (the price shows at once), then the other
  // sites' (the store asks head office, which may take longer).
  if (online) {
    services.stockHere(product.code).then(
      ({ onHandMilli }) => {
        ctx.dispatch({
          type: "status.info",
          message: { key: "info.priceCheckStock", params: { ...params, onHandMilli } },
        });
        showOtherSites(ctx, product.code, { ...params, onHandMilli });
      },
      (err: unknown) => {
        if (err instanceof DomainError && err.code === "STORE_UNREACHABLE") {
          ctx.dispatch({ type: "status.info", message: { key: "info.priceCheckOffline", params } });
        } else log().warn({ err }, "reading the stock for a price check failed");
      },
    );
  }
  try {
    services.trace({ action: "price.checked", detail: { code: product.code, scanned: code, priceMinor } });
  } catch (err) {
    log().error({ err }, "keeping the price check's trace failed");
  }
}

/** How many other sites the price check names (those with the most stock first). */
const PRICE_CHECK_SITES = 3;

/** The price check's line with the stock at the chain's other sites, once the store has it. */
function showOtherSites(
  ctx: EffectContext,
  code: string,
  params: { name: string; priceMinor: number; unit: string; onHandMilli: number },
): void {
  ctx.services.stockAtSites(code).then(
    ({ reachable, sites }) => {
      if (!reachable) {
        ctx.dispatch({ type: "status.info", message: { key: "info.priceCheckSitesUnknown", params } });
        return;
      }
      const { qty } = ctx.translator();
      const named = sites.slice(0, PRICE_CHECK_SITES).map((s) => `${s.storeId} ${qty(s.onHandMilli)}`);
      if (sites.length > PRICE_CHECK_SITES) named.push("…");
      ctx.dispatch({
        type: "status.info",
        message: { key: "info.priceCheckSites", params: { ...params, sites: named.join(", ") || "—" } },
      });
    },
    (err: unknown) => log().warn({ err }, "reading the stock at other sites for a price check failed"),
  );
}

/**
 * Writes a refused sale's document to a file in the till's data folder and, where there is a
 * printer, prints its receipt again (marked as a copy) from the print journal; the status line
 * says where the file is.
 */
function exportRefused(ctx: EffectContext, saleId: string): void {
  const { services, devices } = ctx;
  let written: ReturnType<TillServices["exportRefused"]>;
  try {
    written = services.exportRefused(saleId);
  } catch (err) {
    ctx.dispatch({ type: "status.error", message: errorToMessage(err) });
    return;
  }
  const params = { receiptNo: written.receiptNo, path: written.path };
  let printed = false;
  if (devices.printer !== undefined) {
    try {
      devices.printer.print(
        services.reprint({ receiptNo: written.receiptNo }, ctx.state().cashier?.id ?? null),
      );
      printed = true;
    } catch {
      // Not in this till's print journal: the file is the copy.
    }
  }
  ctx.dispatch({
    type: "status.ok",
    message: { key: printed ? "ok.refusedExportedPrinted" : "ok.refusedExported", params },
  });
}

function cardAnswer(result: PaymentResult): CardAnswer {
  switch (result.status) {
    case "approved":
      return { status: "approved", authCode: result.authCode };
    case "declined":
      return { status: "declined", reason: result.reason };
    default:
      return { status: result.status, detail: result.detail };
  }
}

/** Charges the card on the terminal; the reducer adds the tender only for an approval. */
function cardPay(ctx: EffectContext, effect: Extract<Effect, { type: "cardPay" }>): void {
  const terminal = effect.terminal === 2 ? ctx.devices.payment2 : ctx.devices.payment;
  const answer = (result: PaymentResult) =>
    ctx.dispatch({ type: "card.answered", amountMinor: effect.amountMinor, answer: cardAnswer(result) });
  if (terminal === undefined) {
    answer({ status: "error", detail: "no card terminal is connected" });
    return;
  }
  payByCard({
    terminal,
    request: {
      amountMinor: effect.amountMinor,
      currency: ctx.services.settings().currency,
      reference: effect.reference,
    },
    timeoutMs: ctx.devices.paymentTimeoutMs ?? CARD_TIMEOUT_MS,
    recordPaidSale: async () => {},
  }).then(
    (outcome) => answer(outcome.result),
    (err: unknown) => answer({ status: "error", detail: err instanceof Error ? err.message : String(err) }),
  );
}

/** Refunds an approved card tender on the terminal (a supervisor allowed it). */
function cardRefund(ctx: EffectContext, effect: Extract<Effect, { type: "cardRefund" }>): void {
  const terminal = ctx.devices.payment;
  settle(
    ctx,
    async (): Promise<Command> => {
      if (terminal === undefined) throw new Error("no card terminal is connected");
      let timer: ReturnType<typeof setTimeout> | undefined;
      const abort = new AbortController();
      const timeoutMs = ctx.devices.paymentTimeoutMs ?? CARD_TIMEOUT_MS;
      const timedOut = new Promise<PaymentResult>((resolve) => {
        timer = setTimeout(() => {
          abort.abort();
          resolve({ status: "timeout", detail: `no answer within ${Math.ceil(timeoutMs / 1000)} s` });
        }, timeoutMs);
      });
      const result = await Promise.race([
        terminal.refund(
          {
            amountMinor: effect.amountMinor,
            currency: ctx.services.settings().currency,
            reference: effect.reference,
          },
          { signal: abort.signal },
        ),
        timedOut,
      ]).finally(() => clearTimeout(timer));
      if (result.status !== "approved") {
        return { type: "request.failed", message: refundFailedMessage(result) };
      }
      return {
        type: "card.refunded",
        index: effect.index,
        refundRef: result.authCode,
        approvedBy: effect.approvedBy,
        ...(effect.proof === undefined ? {} : { proof: effect.proof }),
      };
    },
    (command) => command,
  );
}

/** A card refund the terminal did not do, in the cashier's language: the card payment stays. */
function refundFailedMessage(result: Exclude<PaymentResult, { status: "approved" }>): Message {
  switch (result.status) {
    case "declined":
      return { key: "error.cardRefundDeclined", params: { reason: result.reason } };
    case "timeout":
      return { key: "error.cardRefundTimeout", params: { detail: result.detail } };
    case "cancelled":
    case "error":
      return { key: "error.cardRefundFailed", params: { detail: result.detail } };
  }
}

export function runEffect(ctx: EffectContext, effect: Effect): void {
  const { services, devices } = ctx;
  switch (effect.type) {
    case "lookup":
      lookupCode(ctx, effect);
      return;
    case "search":
      try {
        ctx.dispatch({ type: "search.ok", text: effect.text, results: services.search(effect.text, 50) });
      } catch (err) {
        ctx.dispatch({ type: "status.error", message: errorToMessage(err) });
      }
      return;
    case "login":
      settle(
        ctx,
        () => services.login(effect.pin),
        (cashier) => ({ type: "login.ok", cashier }),
        { pin: true },
      );
      return;
    case "logout":
      services.logout().catch(() => undefined);
      return;
    case "approve":
      settle(
        ctx,
        () => services.approve(effect.pin, effect.action),
        (approver) => ({ type: "approval.ok", approver, pin: effect.pin, approved: effect.approved }),
        { pin: true },
      );
      return;
    case "staffDiscount":
      settle(
        ctx,
        () => services.staffDiscount(effect.pin),
        (staff) => ({ type: "staff.found", staff }),
        { pin: true },
      );
      return;
    case "weigh":
      settle(
        ctx,
        () => weigh(ctx, effect),
        (command) => command,
      );
      return;
    case "customerCard": {
      const run =
        effect.action === "issue"
          ? services.issueCard
          : effect.action === "block"
            ? services.blockCard
            : services.findCard;
      if (run === undefined) {
        ctx.dispatch({ type: "request.failed", message: { key: "error.offline" } });
        return;
      }
      const how = effect.action === "find" ? "found" : effect.action === "issue" ? "issued" : "blocked";
      settle(
        ctx,
        () => run(effect.number),
        (customer) => ({ type: "customer.attached", customer, how }),
      );
      return;
    }
    case "checkPromoCode":
      checkPromoCode(ctx, effect);
      return;
    case "searchCustomers": {
      const search = services.searchCustomers;
      if (search === undefined) {
        ctx.dispatch({ type: "request.failed", message: { key: "error.offline" } });
        return;
      }
      search(effect.q).then(
        (list) => ctx.dispatch({ type: "customers.found", list }),
        (err: unknown) => {
          // Out of reach and nothing the till keeps matches: the search needs the store.
          const offline = err instanceof DomainError && err.code === "STORE_UNREACHABLE";
          ctx.dispatch({
            type: "request.failed",
            message: offline ? { key: "error.searchNeedsStore" } : errorToMessage(err),
          });
        },
      );
      return;
    }
    case "createCustomer": {
      const create = services.createCustomer;
      if (create === undefined) {
        ctx.dispatch({ type: "request.failed", message: { key: "error.offline" } });
        return;
      }
      settle(
        ctx,
        () => create({ id: effect.id, name: effect.name, card: effect.card }),
        (created) => ({
          type: "customer.attached",
          customer: created.customer,
          how: created.kept ? "kept" : "created",
        }),
      );
      return;
    }
    case "redeemCard": {
      const redeem = services.redeemCard;
      if (redeem === undefined) {
        ctx.dispatch({ type: "request.failed", message: { key: "error.offline" } });
        return;
      }
      settle(
        ctx,
        () =>
          redeem({
            saleId: effect.saleId,
            index: effect.index,
            type: effect.tenderType,
            card: effect.card,
            amountMinor: effect.amountMinor,
          }),
        (tender) => ({ type: "card.redeemed", tender }),
      );
      return;
    }
    case "completeSale":
      settle(
        ctx,
        () => complete(ctx, effect),
        (command) => command,
      );
      return;
    case "cancelSale":
      // Kept in the outbox for the store's audit log; a failure here loses no money, but is said.
      void services.cancelSale(effect.sale).catch((err: unknown) => {
        log().error({ err }, "keeping the cancelled sale's trace failed");
      });
      return;
    case "holdSale":
      settle(
        ctx,
        () =>
          services.holdSale({
            id: effect.id,
            label: null,
            lines: effect.lines,
            ...(effect.discount ? { discount: effect.discount } : {}),
            audit: effect.audit,
            cashierId: effect.cashierId,
          }),
        () => ({ type: "sale.held", ...(effect.handover ? { handover: true } : {}) }),
      );
      return;
    case "listHeld":
      settle(
        ctx,
        async () => (await services.listHeld()).map((held) => priceHeld(services, held)),
        (list) => ({ type: "held.listed", list }),
      );
      return;
    case "resumeHeld":
      settle(
        ctx,
        async () => resumed(services, await services.resumeHeld(effect.id)),
        (command) => command,
      );
      return;
    case "findSale":
      settle(
        ctx,
        () => services.findSale(effect.query),
        (sale) => ({ type: "sale.found", sale }),
        { receiptNo: effect.query.trim() },
      );
      return;
    case "recordReturn":
      settle(
        ctx,
        async () => {
          const result = await payBackReturn(services, devices.payment, {
            id: uuidv7(),
            originalSaleId: effect.originalSaleId,
            lines: effect.lines,
            refundMinor: effect.refundMinor,
            refundable: effect.refundable,
            inCash: effect.inCash,
            ...(effect.approvalPin ? { approvalPin: effect.approvalPin } : {}),
            ...cashierOf(ctx),
          });
          if (result.tenders.some((t) => t.type === "cash")) void devices.drawer?.open("refund");
          return result;
        },
        (result) => ({
          type: "return.recorded",
          receiptNo: result.receiptNo,
          totalMinor: result.totalMinor,
          tenders: result.tenders,
        }),
      );
      return;
    case "openDrawer":
      settle(
        ctx,
        async () => {
          await services.openDrawer("noSale", effect.approvalPin);
          await devices.drawer?.open("no-sale", { cashierId: ctx.state().cashier?.id ?? "" });
        },
        () => ({ type: "drawer.opened" }),
      );
      return;
    case "checkShift":
    case "openShift":
    case "shiftExpected":
    case "moveCash":
    case "recordExpense":
    case "xReport":
    case "closeShift":
      runShiftEffect(ctx, effect);
      return;
    case "reprint": {
      const printer = devices.printer;
      if (printer === undefined) {
        ctx.dispatch({ type: "status.info", message: { key: "receipt.notPrinted" } });
        return;
      }
      try {
        const doc = services.reprint(effect.key, ctx.state().cashier?.id ?? null);
        printer.print(doc);
        const title = doc.type === "receipt" ? doc.receiptNo : `${doc.kind.toUpperCase()} ${doc.number}`;
        ctx.dispatch({ type: "status.ok", message: { key: "ok.reprinted", params: { title } } });
      } catch (err) {
        ctx.dispatch({ type: "status.error", message: errorToMessage(err) });
      }
      return;
    }
    case "priceCheck":
      priceCheck(ctx, effect.code);
      return;
    case "listOrders":
    case "openOrder":
    case "changeOrder":
    case "collectOrder":
      runOrderEffect(ctx, effect);
      return;
    case "placeOrder":
      placeQuickOrder(ctx, effect);
      return;
    case "listDeliveries":
    case "setDeliveryStatus":
    case "assignCourier":
    case "createDelivery":
      runDeliveryEffect(ctx, effect);
      return;
    case "listBookings":
    case "freeSlots":
    case "makeBooking":
    case "cancelBooking":
    case "checkInBooking":
    case "serviceCard":
      runBookingEffect(ctx, effect);
      return;
    case "restaurant":
      runRestaurantEffect(ctx, effect);
      return;
    case "issueInvoice":
      issueInvoice(ctx, effect);
      return;
    case "emailReceipt":
      settle(
        ctx,
        () => services.emailReceipt(effect.saleId, effect.email),
        (answer) => ({ type: "receipt.emailed", receiptNo: answer.receiptNo }),
      );
      return;
    case "listRefused":
      try {
        ctx.dispatch({ type: "refused.listed", list: services.refusedSales() });
      } catch (err) {
        ctx.dispatch({ type: "request.failed", message: errorToMessage(err) });
      }
      return;
    case "exportRefused":
      exportRefused(ctx, effect.saleId);
      return;
    case "resendRefused":
      try {
        services.resendRefused(effect.saleId);
        ctx.dispatch({ type: "refused.resent", saleId: effect.saleId, receiptNo: effect.receiptNo });
      } catch (err) {
        ctx.dispatch({ type: "status.error", message: errorToMessage(err) });
      }
      return;
    case "listPrints":
      try {
        ctx.dispatch({ type: "prints.listed", list: services.recentPrints(50) });
      } catch (err) {
        ctx.dispatch({ type: "request.failed", message: errorToMessage(err) });
      }
      return;
    case "display": {
      const state = ctx.state();
      const total = state.quote?.totalMinor ?? 0;
      if (effect.show === "item")
        show(ctx, () => itemLines(effect.name ?? "", effect.amountMinor ?? 0, total, money(ctx)));
      else if (effect.show === "total") show(ctx, () => totalLines(total, money(ctx)));
      else show(ctx, () => welcomeLines(services.settings().storeName, ctx.translator().locale));
      return;
    }
    case "displayMessage": {
      const chars = [...effect.text];
      show(ctx, () => [chars.slice(0, 20).join(""), chars.slice(20, 40).join("")]);
      return;
    }
    case "cardPay":
      cardPay(ctx, effect);
      return;
    case "cardCancel":
      // Only one terminal waits at a time; the other has nothing to stop.
      void ctx.devices.payment?.cancel().catch(() => undefined);
      void ctx.devices.payment2?.cancel().catch(() => undefined);
      return;
    case "cardRefund":
      cardRefund(ctx, effect);
      return;
    case "quit":
      ctx.quit();
      return;
    case "listDepartments":
      try {
        ctx.dispatch({ type: "departments.listed", departments: services.departments() });
      } catch (err) {
        ctx.dispatch({ type: "status.error", message: errorToMessage(err) });
      }
      return;
    case "trace":
      try {
        services.trace(effect.entry);
      } catch (err) {
        log().error({ err, action: effect.entry.action }, `keeping the ${effect.entry.action} trace failed`);
      }
      return;
  }
}
