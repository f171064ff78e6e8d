/**
 * The pick-up screen's calls to the store: today's orders, one order, its lines changed, and
 * the order collected, whose receipt goes the way a sale's does (journalled, then printed, the
 * drawer opened for cash). The store keeps every change in the order's history with the
 * session's cashier and till. An unreachable store is said as "orders need the store".
 */
import { DomainError } from "../../core/errors.ts";
import { buildReceipt, type ReceiptDoc } from "../../core/receipt.ts";
import { renderReceiptText } from "../../core/receipt-layout.ts";
import type { TillOrder, TillOrderCollected, TillServices } from "../services.ts";
import type { Effect, LastSale } from "../state/types.ts";
import type { EffectContext } from "./effect-context.ts";
import { errorToMessage } from "./error-message.ts";

type OrderEffect = Extract<Effect, { type: "listOrders" | "openOrder" | "changeOrder" | "collectOrder" }>;

/** A till without the store's order calls (a test double): orders need the store. */
class OrdersNeedStoreError extends DomainError {
  readonly code = "STORE_UNREACHABLE";
}

function failed(ctx: EffectContext, err: unknown, list: boolean): void {
  const unreachable = err instanceof DomainError && err.code === "STORE_UNREACHABLE";
  const message = unreachable ? { key: "error.ordersNeedStore" as const } : errorToMessage(err);
  ctx.dispatch(list ? { type: "orders.failed", message } : { type: "request.failed", message });
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
  tenders: readonly { type: string; amountMinor: number }[],
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
    footerLines: [
      `ORDER ${order.number}`,
      ...(collected.refundedMinor > 0 ? [`REFUNDED TO PREPAID ${collected.refundedMinor}`] : []),
    ],
  });
}

async function collect(
  ctx: EffectContext,
  effect: Extract<OrderEffect, { type: "collectOrder" }>,
): Promise<{ collected: TillOrderCollected; last: LastSale }> {
  const { services, devices } = ctx;
  const collected = await needs(services, "collectOrder")(effect.order.id, effect.tenders);
  const doc = orderReceipt(ctx, effect.order, effect.tenders, collected);
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
  const run = <T>(work: () => Promise<T>, ok: (value: T) => void, list = false) => {
    let promise: Promise<T>;
    try {
      promise = work();
    } catch (err) {
      failed(ctx, err, list);
      return;
    }
    promise.then(ok, (err: unknown) => failed(ctx, err, list));
  };
  switch (effect.type) {
    case "listOrders":
      run(
        () => needs(services, "ordersToCollect")(effect.date),
        (list) => ctx.dispatch({ type: "orders.listed", list }),
        true,
      );
      return;
    case "openOrder":
      run(
        () => needs(services, "order")(effect.id),
        (order) => ctx.dispatch({ type: "order.opened", order }),
      );
      return;
    case "changeOrder":
      run(
        () => needs(services, "changeOrder")(effect.id, effect.lines),
        (order) => ctx.dispatch({ type: "order.opened", order }),
      );
      return;
    case "collectOrder":
      run(
        () => collect(ctx, effect),
        ({ collected, last }) => ctx.dispatch({ type: "order.collected", collected, last }),
      );
      return;
  }
}
