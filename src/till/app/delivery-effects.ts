/**
 * The dispatch list's calls to the store: the open deliveries, a courier given, a status set.
 * The store journals and audits each change with the session's cashier and till, and notifies
 * the customer. An unreachable store is said as "deliveries need the store".
 */
import { DomainError } from "../../core/errors.ts";
import type { TillServices } from "../services.ts";
import type { Effect } from "../state/types.ts";
import { type EffectContext, settle } from "./effect-context.ts";

type DeliveryEffect = Extract<
  Effect,
  { type: "listDeliveries" | "setDeliveryStatus" | "assignCourier" | "createDelivery" }
>;

/** The store unreachable (or a till without these calls): deliveries need the store. */
export class DeliveriesNeedStoreError extends DomainError {
  readonly code = "DELIVERIES_NEED_STORE";
  override readonly kind = "unavailable";
}

async function atStore<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof DomainError && err.code === "STORE_UNREACHABLE")
      throw new DeliveriesNeedStoreError(err.message);
    throw err;
  }
}

function needs<K extends "deliveries" | "setDeliveryStatus" | "assignCourier" | "createDelivery">(
  services: TillServices,
  name: K,
): NonNullable<TillServices[K]> {
  const fn = services[name];
  if (fn === undefined) throw new DeliveriesNeedStoreError("deliveries need the store");
  return fn.bind(services) as NonNullable<TillServices[K]>;
}

export function runDeliveryEffect(ctx: EffectContext, effect: DeliveryEffect): void {
  const { services } = ctx;
  switch (effect.type) {
    case "listDeliveries":
      settle(
        ctx,
        () => atStore(() => needs(services, "deliveries")()),
        (list) => ({ type: "deliveries.listed", list }),
      );
      return;
    case "setDeliveryStatus":
      settle(
        ctx,
        () => atStore(() => needs(services, "setDeliveryStatus")(effect.id, effect.status)),
        (delivery) => ({ type: "delivery.updated", delivery, courierGiven: false }),
      );
      return;
    case "assignCourier":
      settle(
        ctx,
        () => atStore(() => needs(services, "assignCourier")(effect.id, effect.courierId)),
        (delivery) => ({ type: "delivery.updated", delivery, courierGiven: true }),
      );
      return;
    case "createDelivery": {
      const { type: _, ...delivery } = effect;
      settle(
        ctx,
        () => atStore(() => needs(services, "createDelivery")(delivery)),
        (made) => ({ type: "delivery.updated", delivery: made, courierGiven: false }),
      );
      return;
    }
  }
}
