/**
 * A customer order head office routes to its pick-up store (a change-log entry of kind `order`,
 * meant for that store only): the order as placed, quantities in milli-units. The store creates
 * it once by id, prices it and reserves its stock as an order placed there.
 */
import { z } from "zod";
import { MAX_QTY_MILLI } from "./quantity.ts";

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

export const orderChangeValue = z.strictObject({
  id: z.uuid(),
  customerId: z.string().min(1).max(40).nullable(),
  slot: z.strictObject({ date: z.iso.date(), from: clock, to: clock }).nullable(),
  delivery: z
    .strictObject({ address: z.string().min(1).max(300), phone: z.string().max(24).optional() })
    .nullable(),
  lines: z
    .array(
      z.strictObject({
        code: z.string().min(1).max(32),
        qtyMilli: z.int().positive().max(MAX_QTY_MILLI),
        unitPriceMinor: z.int().nonnegative().optional(),
      }),
    )
    .min(1)
    .max(500),
  prepaid: z
    .array(
      z.strictObject({
        type: z.string().min(1).max(20),
        amountMinor: z.int().positive(),
        ref: z.string().max(40).optional(),
      }),
    )
    .max(10),
});
export type OrderChangeValue = z.infer<typeof orderChangeValue>;

/**
 * A change of an order head office forwards to its pick-up store (a change-log entry of kind
 * `order_action`, keyed by the action's own id, meant for that store only): its new lines, a new
 * status, or its collection with the tenders paid now. The store applies it as the web shop's
 * call to the store would be, in the name of head office.
 */
export const orderActionValue = z.discriminatedUnion("action", [
  z.strictObject({
    action: z.literal("lines"),
    orderId: z.uuid(),
    lines: orderChangeValue.shape.lines,
  }),
  z.strictObject({
    action: z.literal("status"),
    orderId: z.uuid(),
    status: z.enum(["confirmed", "picked", "ready", "cancelled"]),
  }),
  z.strictObject({
    action: z.literal("collect"),
    orderId: z.uuid(),
    tenders: orderChangeValue.shape.prepaid.max(20),
    tillId: z.string().regex(/^[A-Za-z0-9_]{1,16}$/),
  }),
]);
export type OrderActionValue = z.infer<typeof orderActionValue>;
