/**
 * Customer events for the notification webhook (points earned, card blocked, birthday): queued
 * in the outbox inside the transaction that causes them, and only while head office runs with
 * `[notifications]` configured (it says so in hq_meta when it starts, see notifications.ts), so
 * nothing piles up unsent. An erased customer's queued events are deleted with their data.
 */
import { eq } from "drizzle-orm";
import { customerNotificationOutbox, hqMeta } from "../../../schema/hq.ts";
import { uuidv7 } from "../../core/ids.ts";
import type { HqContext, HqTx } from "../context.ts";

export const CUSTOMER_EVENTS = ["points.earned", "card.blocked", "customer.birthday"] as const;
export type CustomerEvent = (typeof CUSTOMER_EVENTS)[number];

/** The hq_meta key that says notifications are on (written at start-up). */
export const NOTIFICATIONS_ON_KEY = "notifications.customers";

export function customerEvent(
  ctx: HqContext,
  tx: HqTx,
  event: CustomerEvent,
  customerId: string,
  data: Record<string, unknown>,
  at: Date,
): void {
  if (tx.select().from(hqMeta).where(eq(hqMeta.key, NOTIFICATIONS_ON_KEY)).get()?.value !== "on") return;
  const deliveryId = uuidv7(at.getTime());
  const when = at.toISOString();
  tx.insert(customerNotificationOutbox)
    .values({
      deliveryId,
      event,
      customerId,
      body: JSON.stringify({ event, deliveryId, at: when, customerId, data }),
      nextAt: when,
      createdAt: when,
    })
    .run();
  // The sender looks after a timer tick, by when the caller's transaction has committed.
  ctx.wakeCustomerNotifications?.();
}
