/**
 * Staff discounts: a user may have a percent off their own purchases (`staffDiscountPercent`).
 * At a till the staff member types their PIN (they may be the cashier); the store answers who
 * they are and their percent, and the till applies it as the sale's discount, journaled with
 * the staff member's id. Wrong PINs count towards the till's PIN lock-out like log-ins; the PIN
 * of an inactive user is a wrong PIN.
 */

import type { StaffDiscountRequest } from "../../api/store/users.ts";
import type { DomainError } from "../../core/errors.ts";
import type { StoreContext, StoreTx } from "../context.ts";
import { UserError } from "./errors.ts";
import { assertPinEntryOpen, notePinFailure, type PinGate, wrongPinError } from "./pin-limits.ts";
import { pinShared } from "./pin-shared.ts";
import { findUserByPinSync, writeTag } from "./pins.ts";

export interface StaffDiscount {
  userId: string;
  name: string;
  percent: string;
}

type Found = { ok: true; staff: StaffDiscount } | { ok: false; error: DomainError };

function findIn(ctx: StoreContext, tx: StoreTx, request: StaffDiscountRequest, now: Date): Found {
  const gate: PinGate = { tillId: request.tillId, anonymous: false };
  assertPinEntryOpen(tx, gate, now);
  const match = findUserByPinSync(ctx, tx, request.pin);
  if (!match?.user.active) {
    const failure = notePinFailure(ctx, tx, gate, now, { purpose: "staffDiscount" });
    return { ok: false, error: wrongPinError(ctx, gate, failure) };
  }
  if (match.sharedWith) return { ok: false, error: pinShared(ctx, tx, match, now) };
  writeTag(tx, match);
  const { user } = match;
  if (user.staffDiscountPercent === null) {
    return {
      ok: false,
      error: new UserError(
        "NO_STAFF_DISCOUNT",
        `${user.name} has no staff discount; a manager sets one with 'ringup admin user set-discount'`,
        { userId: user.id },
      ),
    };
  }
  return { ok: true, staff: { userId: user.id, name: user.name, percent: user.staffDiscountPercent } };
}

/** `POST /staff-discounts`: whose PIN it is and their percent; a wrong PIN is counted, then refused. */
export function findStaffDiscount(ctx: StoreContext, request: StaffDiscountRequest): StaffDiscount {
  const now = ctx.now();
  const result = ctx.db.transaction((tx) => findIn(ctx, tx, request, now));
  if (!result.ok) throw result.error;
  return result.staff;
}
