/**
 * What every change of a delivery leaves: an audit row, a `delivery.changed` event (without the
 * address or phone), and for a status the customer's notification through the webhook, queued
 * in the same transaction (once per status: a status is reached once).
 */
import type { DeliveryStatusNotification } from "../../api/store/deliveries.ts";
import { uuidv7 } from "../../core/ids.ts";
import { recordAudit } from "../audit/service.ts";
import type { StoreContext, StoreTx } from "../context.ts";
import { appendEvent } from "../journal/journal.ts";
import { enqueueNotification } from "../notifications/outbox.ts";
import type { DeliveryRow } from "./model.ts";

export type DeliveryAction = "created" | "courier_assigned" | "status" | "handed_in";

export function recordDeliveryChange(
  ctx: StoreContext,
  tx: StoreTx,
  row: DeliveryRow,
  change: { action: DeliveryAction; audit: string; userId: string; tillId: string | null; at: Date },
): void {
  recordAudit(ctx, tx, {
    action: change.audit,
    at: change.at,
    userId: change.userId,
    tillId: change.tillId,
    refId: row.id,
    detail: { status: row.status, courierId: row.courierId },
  });
  appendEvent(
    tx,
    ctx.storeId,
    "delivery.changed",
    {
      deliveryId: row.id,
      action: change.action,
      orderId: row.orderId,
      saleId: row.saleId,
      status: row.status,
      courierId: row.courierId,
      feeMinor: row.feeMinor,
      collectMinor: row.collectMinor,
      collectedMinor: row.collectedMinor,
      userId: change.userId,
      at: change.at.toISOString(),
    },
    change.at,
  );
}

/** Queues the customer's notification of the status the delivery just reached (when a webhook is set). */
export function notifyStatus(ctx: StoreContext, tx: StoreTx, row: DeliveryRow, at: Date): boolean {
  if (ctx.notifications === undefined) return false;
  const notificationId = uuidv7(at.getTime());
  const payload: DeliveryStatusNotification = {
    event: "delivery.status",
    deliveryId: row.id,
    notificationId,
    status: row.status,
    phone: row.phone,
    address: row.address,
    promisedAt: row.promisedAt,
    orderId: row.orderId,
    saleId: row.saleId,
    at: at.toISOString(),
  };
  enqueueNotification(tx, {
    deliveryId: notificationId,
    event: payload.event,
    body: JSON.stringify(payload),
    at,
  });
  return true;
}
