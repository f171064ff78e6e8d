/**
 * A booking's reminder: a `booking.reminder` notification queued in the store's outbox when the
 * booking is made, due `[services] reminderHours` before its start (at once when that is past),
 * so the webhook gets it once, restarts or not. Its delivery id is the booking's id; a booking
 * cancelled, missed or checked in before it is sent takes it back.
 */
import { eq } from "drizzle-orm";
import { type bookings, notificationOutbox } from "../../../schema/store.ts";
import type { BookingReminderPayload, ServiceAnswer } from "../../api/store/services.ts";
import type { StoreContext, StoreTx } from "../context.ts";
import { enqueueNotification } from "../notifications/outbox.ts";
import { requireStaff } from "./definitions.ts";

const HOUR_MS = 3_600_000;

export function queueReminder(
  ctx: StoreContext,
  tx: StoreTx,
  booking: typeof bookings.$inferSelect,
  service: ServiceAnswer,
  at: Date,
): void {
  const hours = ctx.settings.services.reminderHours;
  if (ctx.notifications === undefined || hours === 0 || booking.customerId === null) return;
  const start = Date.parse(booking.start);
  if (start <= at.getTime()) return;
  const due = new Date(Math.max(at.getTime(), start - hours * HOUR_MS));
  const payload: BookingReminderPayload = {
    event: "booking.reminder",
    deliveryId: booking.id,
    bookingId: booking.id,
    customerId: booking.customerId,
    serviceCode: booking.serviceCode,
    serviceName: service.name,
    staffId: booking.staffId,
    staffName: requireStaff(tx, booking.staffId).name,
    start: booking.start,
    end: booking.end,
  };
  enqueueNotification(tx, {
    deliveryId: booking.id,
    event: payload.event,
    body: JSON.stringify(payload),
    at,
    dueAt: due,
  });
}

export function cancelReminder(tx: StoreTx, bookingId: string): void {
  tx.delete(notificationOutbox).where(eq(notificationOutbox.deliveryId, bookingId)).run();
}
