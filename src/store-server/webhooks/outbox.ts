/**
 * One endpoint's view of the webhook outbox, as the shared sender (src/shared/webhook-sender.ts)
 * works through it: its due deliveries, oldest first, deleted once taken. A delivery out of
 * attempts parks its endpoint (with the reason) and stays, to be sent when it is resumed.
 *
 * Deliveries taken are deleted together, in one commit before the outbox is next read, not
 * one commit each: a store that stops in between sends those again, with the same delivery
 * id, which the receiver already took (delivery is at least once, exactly once by id).
 */
import { and, asc, eq, inArray, lte } from "drizzle-orm";
import { webhookDeliveries, webhookEndpoints } from "../../../schema/store.ts";
import type { WebhookOutbox } from "../../shared/webhook-sender.ts";
import type { StoreContext } from "../context.ts";

export type DeliveryRow = typeof webhookDeliveries.$inferSelect;

export function endpointOutbox(
  ctx: StoreContext,
  endpointId: string,
  onGivenUp: (row: DeliveryRow, error: string) => void,
): WebhookOutbox<DeliveryRow> {
  const mine = eq(webhookDeliveries.endpointId, endpointId);
  let taken: string[] = [];
  const forgetTaken = () => {
    if (taken.length === 0) return;
    const ids = taken;
    taken = [];
    ctx.db.delete(webhookDeliveries).where(inArray(webhookDeliveries.deliveryId, ids)).run();
  };
  return {
    due: (now) => {
      forgetTaken();
      return ctx.db
        .select()
        .from(webhookDeliveries)
        .where(and(mine, lte(webhookDeliveries.nextAt, now.toISOString())))
        .orderBy(asc(webhookDeliveries.nextAt), asc(webhookDeliveries.deliveryId))
        .limit(50)
        .all();
    },
    nextDueAt: () => {
      forgetTaken();
      const row = ctx.db
        .select({ nextAt: webhookDeliveries.nextAt })
        .from(webhookDeliveries)
        .where(mine)
        .orderBy(asc(webhookDeliveries.nextAt))
        .limit(1)
        .get();
      return row ? new Date(row.nextAt) : null;
    },
    delivered: (row) => {
      taken.push(row.deliveryId);
    },
    postpone: (row, nextAt, error) =>
      ctx.db
        .update(webhookDeliveries)
        .set({ attempts: row.attempts + 1, nextAt: nextAt.toISOString(), lastError: error.slice(0, 500) })
        .where(eq(webhookDeliveries.deliveryId, row.deliveryId))
        .run(),
    givenUp: onGivenUp,
  };
}

/** Parks an endpoint with why: it gets no new deliveries until resumed. */
export function parkEndpoint(ctx: StoreContext, row: DeliveryRow, reason: string): void {
  const at = ctx.now().toISOString();
  ctx.db.transaction((tx) => {
    tx.update(webhookEndpoints)
      .set({ status: "parked", parkedReason: reason.slice(0, 500), parkedAt: at })
      .where(eq(webhookEndpoints.id, row.endpointId))
      .run();
    tx.update(webhookDeliveries)
      .set({ attempts: row.attempts + 1, lastError: reason.slice(0, 500) })
      .where(eq(webhookDeliveries.deliveryId, row.deliveryId))
      .run();
  });
}
