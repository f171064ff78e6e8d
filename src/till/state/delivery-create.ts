/**
 * A delivery for the sale just paid, made at the till: on the dispatch list, the address and
 * the customer's phone typed on one line (`3 Elm St, +1 555 0100`, the phone after the last
 * comma), then F10 (`sale.total`). The store creates it for the till's last sale and journals
 * it with the session's cashier and till; it says precisely what else is wrong.
 */
import { done, fail, msg } from "./initial.ts";
import type { TillEnv, TillState, Transition } from "./types.ts";

const PHONE = /^\+?[0-9 ()-]{5,24}$/;

/** The typed line split into address and phone; null when no phone ends it. */
export function addressAndPhone(text: string): { address: string; phone: string } | null {
  const comma = text.lastIndexOf(",");
  if (comma < 0) return null;
  const address = text.slice(0, comma).trim();
  const phone = text.slice(comma + 1).trim();
  return address !== "" && PHONE.test(phone) ? { address, phone } : null;
}

export function createDeliveryForLastSale(state: TillState, env: TillEnv): Transition {
  const last = state.lastSale;
  if (last === null || state.sale.lines.length > 0) return fail(state, "error.noReceipt");
  const parts = addressAndPhone(state.input.trim());
  if (parts === null) return fail(state, "error.deliveryNeedsPhone");
  return done(
    { ...state, busy: true, input: "", status: { tone: "info", message: msg("info.askingStoreDeliveries") } },
    { type: "createDelivery", id: env.newId(), saleId: last.saleId, ...parts },
  );
}
