/**
 * The pick-up screen's calls to the store: today's orders, one order, its lines changed, and
 * the order collected, whose receipt goes the way a sale's does (journalled, then printed, the
 * drawer opened for cash). The store keeps every change in the order's history with the
 * session's cashier and till. An unreachable store is said as "orders need the store".
 */
import { DomainError } from "../../core/errors.ts";
import { buildReceipt, type ReceiptDoc, returnCodeFor } from "../../core/receipt.ts";
import { renderReceiptText } from "../../core/receipt-layout.ts";
import { payByCard } from "../../devices/payment/pay-by-card.ts";
import { describePayment } from "../../devices/payment/payment-terminal.ts";
import type { TillOrder, TillOrderCollected, TillServices } from "../services.ts";
import type { Effect, LastSale } from "../state/types.ts";
import { CARD_TIMEOUT_MS, type EffectContext, settle } from "./effect-context.ts";

type Tender = { type: string; amountMinor: number; ref?: string };

type OrderEffect = Extract<Effect, { type: "listOrders" | "openOrder" | "changeOrder" | "collectOrder" }>;

/** The store unreachable (or a till without its order calls): orders need the store. */
export class OrdersNeedStoreError extends DomainError {
  readonly code = "ORDERS_NEED_STORE";
  override readonly kind = "unavailable";
}

/** An order call at the store, an unreachable store said as "orders need the store". */
export async function atStore<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof DomainError && err.code === "STORE_UNREACHABLE")
      throw new OrdersNeedStoreError(err.message);
    throw err;
  }
}

function needs<K extends "ordersToCollect" | "order" | "changeOrder" | "collectOrder">(
  services: TillServices,
  name: K,
): NonNullable<TillServices[K]> {
  const fn = services[name];
  if (fn === undefined) throw new OrdersNeedStoreError("orders need the store");
  return fn.bind(services) as NonNullable<TillServices[K]>;
}

/** The order's receipt: its lines and totals as the store priced them, the tenders it was paid by. */
export function orderReceipt(
  ctx: EffectContext,
  order: TillOrder,
  tenders: readonly Tender[],
  collected: TillOrderCollected,
): ReceiptDoc {
  const settings = ctx.services.settings();
  const lines = order.lines.filter((l) => l.qtyMilli > 0);
  const subtotalMinor = lines.reduce((sum, l) => sum + (l.totalMinor ?? 0), 0);
  const prepaidUsed = Math.min(order.prepaidMinor, collected.totalMinor);
  let left = prepaidUsed;
  const prepaid = order.prepaid.flatMap((p) => {
    const amountMinor = Math.min(p.amountMinor, left);
    left -= amountMinor;
    return amountMinor > 0 ? [{ type: p.type, amountMinor }] : [];
  });
  const cashier = ctx.state().cashier?.name;
  return buildReceipt({
    kind: "sale",
    saleId: collected.saleId,
    receiptNo: collected.receiptNo,
    at: new Date().toISOString(),
    timeZone: settings.timeZone,
    currency: settings.currency,
    locale: ctx.translator().locale,
    store: { name: settings.storeName, addressLines: settings.addressLines },
    tillId: ctx.services.identity().tillId,
    ...(cashier ? { cashierName: cashier } : {}),
    lines: lines.map((l) => ({
      code: l.code,
      name: l.name ?? l.code,
      qtyMilli: l.qtyMilli,
      unitPriceMinor: l.unitPriceMinor ?? 0,
      totalMinor: l.totalMinor ?? 0,
    })),
    pricesIncludeTax: settings.pricesIncludeTax,
    subtotalMinor,
    taxMinor: settings.pricesIncludeTax ? 0 : collected.totalMinor - subtotalMinor,
    totalMinor: collected.totalMinor,
    tenders: [...prepaid, ...tenders],
    changeMinor: collected.changeMinor,
    cardSlipLines: tenders.flatMap((t) => (t.ref === undefined ? [] : [`CARD AUTH ${t.ref}`])),
    footerLines: [
      `ORDER ${order.number}`,
      ...(collected.refundedMinor > 0 ? [`REFUNDED TO PREPAID ${collected.refundedMinor}`] : []),
    ],
    returnCode: returnCodeFor(settings),
  });
}

/** The card terminal refused the order's card payment: nothing was collected. */
export class OrderCardRefusedError extends DomainError {
  readonly code = "CARD_DECLINED";
}

/**
 * A card tender goes through the card terminal when there is one, for exactly its amount, and
 * carries the approval's code; without a terminal the cashier took it on a standalone one.
 */
export async function chargeCard(
  ctx: EffectContext,
  order: Pick<TillOrder, "id">,
  tenders: readonly Tender[],
): Promise<Tender[]> {
  const terminal = ctx.devices.payment;
  const card = tenders.find((t) => t.type === "card");
  if (terminal === undefined || card === undefined) return [...tenders];
  let approval = "";
  const outcome = await payByCard({
    terminal,
    request: {
      amountMinor: card.amountMinor,
      currency: ctx.services.settings().currency,
      reference: order.id,
    },
    timeoutMs: ctx.devices.paymentTimeoutMs ?? CARD_TIMEOUT_MS,
    recordPaidSale: async (approved) => {
      approval = approved.authCode;
    },
  });
  if (!outcome.recorded) throw new OrderCardRefusedError(describePayment(outcome.result));
  return tenders.map((t) =>
    t === card ? { ...t, ref: approval.replace(/[^A-Za-z0-9 _.:/-]/g, "-").slice(0, 40) || "-" } : t,
  );
}

async function collect(
  ctx: EffectContext,
  effect: Extract<OrderEffect, { type: "collectOrder" }>,
): Promise<{ collected: TillOrderCollected; last: LastSale }> {
  const { services, devices } = ctx;
  const tenders = await chargeCard(ctx, effect.order, effect.tenders);
  const collected = await needs(services, "collectOrder")(effect.order.id, tenders);
  const doc = orderReceipt(ctx, effect.order, tenders, collected);
  const cashierId = ctx.state().cashier?.id ?? null;
  // Journalled before it goes to the printer, so it can be printed again at any time.
  services.journalPrint(doc, cashierId);
  let printed = false;
  if (devices.printer) {
    devices.printer.print(doc);
    printed = true;
  }
  if (effect.tenders.some((t) => t.type === "cash"))
    void devices.drawer?.open("sale", { saleId: collected.saleId, cashierId: cashierId ?? "" });
  const columns = devices.printer?.columns ?? ctx.receiptColumns;
  return {
    collected,
    last: {
      saleId: collected.saleId,
      receiptNo: collected.receiptNo,
      copyUrl: null,
      totalMinor: collected.totalMinor,
      changeMinor: collected.changeMinor,
      receiptText: renderReceiptText(doc, columns),
      printed,
    },
  };
}

export function runOrderEffect(ctx: EffectContext, effect: OrderEffect): void {
  const { services } = ctx;
  switch (effect.type) {
    case "listOrders":
      settle(
        ctx,
        () => atStore(() => needs(services, "ordersToCollect")(effect.date)),
        (list) => ({ type: "orders.listed", list }),
      );
      return;
    case "openOrder":
      settle(
        ctx,
        () => atStore(() => needs(services, "order")(effect.id)),
        (order) => ({ type: "order.opened", order }),
      );
      return;
    case "changeOrder":
      settle(
        ctx,
        () => atStore(() => needs(services, "changeOrder")(effect.id, effect.lines)),
        (order) => ({ type: "order.opened", order }),
      );
      return;
    case "collectOrder":
      settle(
        ctx,
        () => atStore(() => collect(ctx, effect)),
        ({ collected, last }) => ({ type: "order.collected", collected, last }),
      );
      return;
  }
}
