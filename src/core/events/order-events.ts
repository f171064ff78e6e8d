/**
 * Version 1 payload of `order.changed`: a customer order's snapshot after each change (placed,
 * lines changed, picked, a status, collected), with who made the change. Head office keeps the
 * latest snapshot per order; the web shop's webhook receives it as it is.
 */
import { z } from "zod";
import {
  businessDay,
  id,
  moneyMinor,
  productCode,
  productName,
  refId,
  signedMinor,
  tenderType,
  tillId,
  utcTimestamp,
} from "./fields.ts";

const clock = z.string().regex(/^\d{2}:\d{2}$/);

export const orderChangedV1 = z.strictObject({
  id,
  number: z.int().min(1),
  status: z.enum(["placed", "confirmed", "picked", "ready", "collected", "cancelled"]),
  /** What changed: placed, lines_changed, picked, status, collected. */
  action: z.string().min(1).max(40),
  customerId: refId.nullable(),
  slot: z.strictObject({ date: businessDay, from: clock, to: clock }).nullable(),
  delivery: z.boolean(),
  lines: z
    .array(
      z.strictObject({
        code: productCode,
        name: productName,
        qtyMilli: z.int().nonnegative(),
        unitPriceMinor: moneyMinor,
        totalMinor: signedMinor,
      }),
    )
    .max(500),
  prepaid: z.array(z.strictObject({ type: tenderType, amountMinor: moneyMinor })).max(10),
  totalMinor: signedMinor,
  prepaidMinor: moneyMinor,
  balanceDueMinor: signedMinor,
  refundedMinor: moneyMinor,
  saleId: id.nullable(),
  userId: refId.nullable(),
  tillId: tillId.nullable(),
  at: utcTimestamp,
});
