/**
 * A basket placed as an order at the pick-up point: the store places it with a new id (stock
 * reserved; its history names the cashier and till), a card prepayment goes through the card
 * terminal when there is one (declined: the order is cancelled again, nothing is owed), the
 * order's slip with its number is printed, and the action is journaled (`order.placed`).
 */
import { DomainError } from "../../core/errors.ts";
import { uuidv7 } from "../../core/ids.ts";
import { currencyExponent, minorToDecimalString } from "../../core/money.ts";
import { milliToDecimalString } from "../../core/quantity.ts";
import type { TillOrderPlaced, TillOrderRequest } from "../services.ts";
import type { Effect } from "../state/types.ts";
import { type EffectContext, fail } from "./effect-context.ts";
import { atStore, chargeCard, OrdersNeedStoreError } from "./order-effects.ts";

type PlaceOrder = Extract<Effect, { type: "placeOrder" }>;

/** The order's slip: its number (said at the counter, scanned as `ORDn`), pick-up and what is due. */
function slipLines(ctx: EffectContext, effect: PlaceOrder, placed: TillOrderPlaced): string[] {
  const exp = currencyExponent(ctx.services.settings().currency);
  const money = (minor: number) => minorToDecimalString(minor, exp);
  const { slot } = effect;
  return [
    effect.customerId === undefined ? "anonymous" : `customer ${effect.customerId}`,
    `pick-up ${slot.date} ${slot.from}-${slot.to}`,
    ...effect.lines.map((l) => `${milliToDecimalString(l.qtyMilli)} x ${l.code}`),
    `total ${money(placed.totalMinor)}`,
    ...(placed.prepaidMinor > 0 ? [`paid by card ${money(placed.prepaidMinor)}`] : []),
    `due at pick-up ${money(Math.max(0, placed.balanceDueMinor))}`,
    `ORD${placed.number}`,
  ];
}

/** The product code a refusal's details name, if any. */
function codeOf(details: unknown): string | null {
  const code: unknown = (details as { code?: unknown } | undefined)?.code;
  return typeof code === "string" ? code : null;
}

async function place(ctx: EffectContext, effect: PlaceOrder): Promise<TillOrderPlaced> {
  const { services } = ctx;
  if (services.placeOrder === undefined) throw new OrdersNeedStoreError("orders need the store");
  const placeOrder = services.placeOrder.bind(services);
  const id = uuidv7();
  const tillId = services.identity().tillId;
  const request: TillOrderRequest = {
    pickupStore: services.identity().storeId,
    lines: effect.lines,
    ...(effect.customerId === undefined ? {} : { customerId: effect.customerId }),
    slot: effect.slot,
    prepaid:
      effect.prepaidCardMinor > 0
        ? [{ type: "card", amountMinor: effect.prepaidCardMinor, ref: `till ${tillId}` }]
        : [],
  };
  const placed = await atStore(() => placeOrder(id, request));
  if (effect.prepaidCardMinor > 0) {
    try {
      await chargeCard(ctx, { id }, [{ type: "card", amountMinor: effect.prepaidCardMinor }]);
    } catch (err) {
      // Declined: the order is not left prepaid with money nobody took.
      await services.cancelOrder?.(id);
      throw err;
    }
  }
  return placed;
}

export function placeQuickOrder(ctx: EffectContext, effect: PlaceOrder): void {
  const { services, devices } = ctx;
  const trace = (detail: Record<string, string | number>) =>
    services.trace({ action: "order.placed", detail: { basketId: effect.basketId, ...detail } });
  place(ctx, effect).then(
    (placed) => {
      trace({ orderId: placed.id, number: placed.number, prepaidMinor: placed.prepaidMinor });
      devices.printer?.print({
        type: "text-slip",
        title: `ORDER ${placed.number}`,
        locale: ctx.translator().locale,
        lines: slipLines(ctx, effect, placed),
      });
      ctx.dispatch({ type: "order.placed", basketId: effect.basketId, placed });
    },
    (err: unknown) => {
      trace({ result: err instanceof DomainError ? err.code : "failed" });
      const code = err instanceof DomainError && err.code === "UNKNOWN_CODE" ? codeOf(err.details) : null;
      if (code !== null) {
        ctx.dispatch({
          type: "request.failed",
          message: { key: "error.orderUnknownCode", params: { code } },
        });
        return;
      }
      fail(ctx, err);
    },
  );
}
