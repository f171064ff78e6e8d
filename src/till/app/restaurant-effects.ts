/**
 * The restaurant mode's calls to the store, run for the reducer's `restaurant` effect: the
 * store's answer goes back as `restaurant.answered`. They need the store: unreachable (or a
 * till without the call), the waiter is told so and nothing changed.
 */
import { DomainError } from "../../core/errors.ts";
import type { Effect } from "../state/types.ts";
import { type EffectContext, settle } from "./effect-context.ts";

/** The store unreachable (or a till without its restaurant calls): tables need the store. */
export class RestaurantNeedsStoreError extends DomainError {
  readonly code = "RESTAURANT_NEEDS_STORE";
  override readonly kind = "unavailable";
}

export function runRestaurantEffect(
  ctx: EffectContext,
  effect: Extract<Effect, { type: "restaurant" }>,
): void {
  const { services } = ctx;
  settle(
    ctx,
    async () => {
      if (services.restaurant === undefined) throw new RestaurantNeedsStoreError("tables need the store");
      // A check's sale takes the till's next receipt number, as any sale rung here does: numbered
      // by the store instead, it would take a number the till gives its next sale again.
      const call =
        effect.call.op === "pay" && effect.call.receiptNo === undefined
          ? { ...effect.call, receiptNo: services.nextReceiptNo() }
          : effect.call;
      try {
        return await services.restaurant(call);
      } catch (err) {
        if (err instanceof DomainError && err.code === "STORE_UNREACHABLE")
          throw new RestaurantNeedsStoreError(err.message);
        throw err;
      }
    },
    (answer) => ({ type: "restaurant.answered", answer, ...(effect.said ? { said: effect.said } : {}) }),
  );
}
