/**
 * Staff discount: the staff member (who may be the cashier) types their PIN; the store answers
 * who they are and their percent, which becomes the sale's discount, journaled with their id.
 */
import { done, fail, msg } from "./initial.ts";
import { audit, reprice } from "./sale.ts";
import type { StaffDiscount, TillEnv, TillState, Transition } from "./types.ts";

/** Menu: ask for the staff member's PIN. */
export function askStaffPin(state: TillState): Transition {
  if (state.sale.lines.length === 0) return fail(state, "error.emptySale");
  if (state.sale.tenders.length > 0) return fail(state, "error.tendersTaken");
  return done({ ...state, input: "", status: null, prompt: { kind: "staffPin" } });
}

/** Enter at the PIN prompt: the store checks it. */
export function submitStaffPin(state: TillState): Transition {
  const pin = state.input.trim();
  if (pin === "") return done(state);
  return done({ ...state, input: "", busy: true }, { type: "staffDiscount", pin });
}

/** The store named the staff member: their percent is the sale's discount. */
export function applyStaffDiscount(state: TillState, staff: StaffDiscount, env: TillEnv): Transition {
  const base: TillState = { ...state, prompt: null, input: "", busy: false };
  const entry = audit(state, env, "discount.given", null, undefined, {
    percent: staff.percent,
    staffId: staff.userId,
    staffName: staff.name,
    reason: "staff",
  });
  const next = reprice(
    base,
    { ...state.sale, discount: { percent: staff.percent }, staff, audit: [...state.sale.audit, entry] },
    env,
  );
  if ("error" in next) return next.error;
  return done({
    ...next.state,
    status: { tone: "ok", message: msg("ok.staffDiscount", { percent: staff.percent, name: staff.name }) },
  });
}
