/**
 * The dispatch list (F9 menu): the store's open deliveries with their status and courier. Enter
 * moves the chosen one to its next status; a courier's id typed, then Enter, gives it to that
 * courier; the void key marks it failed. The store refuses a status going back.
 */
import type { MessageKey } from "../i18n/en.ts";
import type { KeyCommand } from "../keys/keymap.ts";
import type { TillDelivery } from "../services.ts";
import { createDeliveryForLastSale } from "./delivery-create.ts";
import { clampSelection, done, fail, goTo, msg } from "./initial.ts";
import type { Effect, Screen, TillEnv, TillState, Transition } from "./types.ts";

type DeliveriesScreen = Extract<Screen, { kind: "deliveries" }>;

const NEXT: Readonly<Record<TillDelivery["status"], TillDelivery["status"] | null>> = {
  accepted: "preparing",
  preparing: "on_the_way",
  on_the_way: "delivered",
  delivered: null,
  failed: null,
};

/** The screen, with its list on the way. */
export function openDeliveries(state: TillState): Transition {
  const screen: DeliveriesScreen = { kind: "deliveries", list: null, selected: 0 };
  return done(
    goTo({ ...state, busy: true, status: { tone: "info", message: msg("deliveries.loading") } }, screen),
    {
      type: "listDeliveries",
    },
  );
}

export function deliveriesListed(state: TillState, list: TillDelivery[]): Transition {
  if (state.screen.kind !== "deliveries") return done({ ...state, busy: false });
  const kept = state.status?.tone === "ok" ? state.status : null;
  const status =
    kept ?? (list.length === 0 ? { tone: "info" as const, message: msg("deliveries.none") } : null);
  const selected = Math.min(state.screen.selected, Math.max(0, list.length - 1));
  return done({ ...state, busy: false, status, screen: { ...state.screen, list, selected } });
}

/** What the status line says of a delivery that reached a status. */
const REACHED: Readonly<Record<TillDelivery["status"], MessageKey>> = {
  accepted: "ok.deliveryAccepted",
  preparing: "ok.deliveryPreparing",
  on_the_way: "ok.deliveryOnTheWay",
  delivered: "ok.deliveryDelivered",
  failed: "ok.deliveryFailed",
};

/** A delivery changed at the store: said, and the list read again (a final one leaves it). */
export function deliveryUpdated(state: TillState, delivery: TillDelivery, courierGiven: boolean): Transition {
  const message = msg(courierGiven ? "ok.courierAssigned" : REACHED[delivery.status], {
    address: delivery.address,
    courier: delivery.courierId ?? "—",
  });
  const status = { tone: "ok" as const, message };
  if (state.screen.kind !== "deliveries") return done({ ...state, busy: false, status });
  return done({ ...state, busy: false, input: "", status }, { type: "listDeliveries" });
}

function ask(state: TillState, effect: Effect): Transition {
  return done(
    { ...state, busy: true, input: "", status: { tone: "info", message: msg("info.askingStoreDeliveries") } },
    effect,
  );
}

export function deliveriesKey(
  state: TillState,
  screen: DeliveriesScreen,
  type: KeyCommand,
  delta: number,
  env: TillEnv,
): Transition {
  if (delta !== 0) {
    const selected = clampSelection(screen.selected, delta, screen.list?.length ?? 0);
    return done({ ...state, screen: { ...screen, selected } });
  }
  if (type === "back") return done(goTo({ ...state, status: null }, { kind: "sale" }));
  if (type === "sale.total") return createDeliveryForLastSale(state, env);
  if (screen.list === null)
    return type === "input.submit" ? done({ ...state, busy: true }, { type: "listDeliveries" }) : done(state);
  const chosen = screen.list[screen.selected];
  if (chosen === undefined) return type === "input.submit" ? fail(state, "deliveries.none") : done(state);
  if (type === "line.void") return ask(state, { type: "setDeliveryStatus", id: chosen.id, status: "failed" });
  if (type !== "input.submit") return done(state);
  const courier = state.input.trim();
  if (courier !== "") {
    if (!/^[A-Za-z0-9_.:-]{1,64}$/.test(courier)) return fail(state, "error.badCourier", { text: courier });
    return ask(state, { type: "assignCourier", id: chosen.id, courierId: courier });
  }
  const next = NEXT[chosen.status];
  if (next === null) return done(state);
  if (next !== "preparing" && chosen.courierId === null) return fail(state, "error.deliveryNeedsCourier");
  return ask(state, { type: "setDeliveryStatus", id: chosen.id, status: next });
}
