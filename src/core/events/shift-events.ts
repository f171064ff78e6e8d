/**
 * Version 1 payloads of the events of a till's cash: shifts opened and closed, money put in
 * or taken out of the drawer, and every opening of the drawer.
 */
import { z } from "zod";
import {
  id,
  MAX_ROWS,
  moneyMinor,
  positiveMinor,
  reasonText,
  refId,
  signedMinor,
  tenderType,
  tillId,
  utcTimestamp,
} from "./fields.ts";

export const shiftOpenedV1 = z.strictObject({
  shiftId: id,
  tillId,
  userId: refId,
  at: utcTimestamp,
  /** Cash put in the drawer to make change. */
  floatMinor: moneyMinor,
});

/** Net takings per tender type over a shift: sales minus refunds, so it may be negative. */
export const tenderTotalSchema = z.strictObject({
  type: tenderType,
  amountMinor: signedMinor,
});

/** The Z report of a shift, as issued. */
export const shiftClosedV1 = z.strictObject({
  shiftId: id,
  tillId,
  userId: refId,
  at: utcTimestamp,
  zNumber: z.int().positive().nullable(),
  floatMinor: moneyMinor,
  /** Float + cash takings + cash in − cash out. */
  expectedCashMinor: signedMinor,
  /** Cash counted at close; null for a close without a count. */
  countedCashMinor: moneyMinor.nullable(),
  /** Counted − expected; null without a count. */
  varianceMinor: signedMinor.nullable(),
  salesCount: z.int().nonnegative(),
  salesTotalMinor: moneyMinor,
  returnsCount: z.int().nonnegative(),
  returnsTotalMinor: moneyMinor,
  byTender: z.array(tenderTotalSchema).max(MAX_ROWS),
});

/** Cash put into ("in") or taken out of ("out") a drawer outside a sale: pay-ins, drops, pick-ups. */
export const cashMovedV1 = z.strictObject({
  movementId: id,
  shiftId: id.nullable(),
  tillId,
  userId: refId,
  approvedBy: refId.nullable(),
  at: utcTimestamp,
  kind: z.enum(["in", "out"]),
  amountMinor: positiveMinor,
  reason: reasonText,
});

export const DRAWER_OPEN_REASONS = ["sale", "return", "no_sale", "cash_movement", "count"] as const;

export const drawerOpenedV1 = z.strictObject({
  tillId,
  userId: refId.nullable(),
  shiftId: id.nullable(),
  approvedBy: refId.nullable(),
  at: utcTimestamp,
  reason: z.enum(DRAWER_OPEN_REASONS),
  /** The sale, return or movement that opened it, if any. */
  refId: id.nullable(),
});
