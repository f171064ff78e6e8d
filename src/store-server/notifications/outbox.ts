/**
 * The notification outbox: deliveries wait in the store's database until the webhook takes
 * them, so none is lost to a restart. Delivered or given up, a row is deleted with what it
 * carried (an e-mail address).
 */
import { asc, eq, lte } from "drizzle-orm";
import { notificationOutbox } from "../../../schema/store.ts";
import type { StoreContext, StoreDb, StoreTx } from "../context.ts";

export type OutboxRow = typeof notificationOutbox.$inferSelect;

export function enqueueNotification(
  tx: StoreTx,
  row: { deliveryId: string; event: string; body: string; at: Date; dueAt?: Date },
): void {
  const at = row.at.toISOString();
  const nextAt = (row.dueAt ?? row.at).toISOString();
  tx.insert(notificationOutbox)
    .values({ deliveryId: row.deliveryId, event: row.event, body: row.body, nextAt, createdAt: at })
    .run();
}

/** Deliveries due now, oldest first. */
export function dueNotifications(ctx: StoreContext, now: Date, limit = 20): OutboxRow[] {
  return ctx.db
    .select()
    .from(notificationOutbox)
    .where(lte(notificationOutbox.nextAt, now.toISOString()))
    .orderBy(asc(notificationOutbox.nextAt))
    .limit(limit)
    .all();
}

/** When the next delivery is due, or null when none waits. */
export function nextDueAt(ctx: StoreContext): Date | null {
  const row = ctx.db
    .select({ nextAt: notificationOutbox.nextAt })
    .from(notificationOutbox)
    .orderBy(asc(notificationOutbox.nextAt))
    .limit(1)
    .get();
  return row ? new Date(row.nextAt) : null;
}

export function removeNotification(db: StoreDb | StoreTx, deliveryId: string): void {
  db.delete(notificationOutbox).where(eq(notificationOutbox.deliveryId, deliveryId)).run();
}

export function postponeNotification(ctx: StoreContext, row: OutboxRow, nextAt: Date, error: string): void {
  ctx.db
    .update(notificationOutbox)
    .set({ attempts: row.attempts + 1, nextAt: nextAt.toISOString(), lastError: error.slice(0, 500) })
    .where(eq(notificationOutbox.deliveryId, row.deliveryId))
    .run();
}
