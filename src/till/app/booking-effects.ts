/**
 * The bookings screen's calls to the store: today's bookings, a service's free slots, a slot
 * booked, a booking cancelled or checked in. A checked-in booking's service is read from the
 * till's own catalog, priced as any scanned item. An unreachable store is said as "bookings need
 * the store"; nothing changes.
 */
import { DomainError } from "../../core/errors.ts";
import { clockTime } from "../../core/services/local-time.ts";
import type { TillBookings } from "../booking-types.ts";
import type { Effect } from "../state/types.ts";
import { type EffectContext, settle } from "./effect-context.ts";

type BookingEffect = Extract<
  Effect,
  { type: "listBookings" | "freeSlots" | "makeBooking" | "cancelBooking" | "checkInBooking" | "serviceCard" }
>;

/** The store unreachable (or a till without its booking calls): bookings need the store. */
export class BookingsNeedStoreError extends DomainError {
  readonly code = "BOOKINGS_NEED_STORE";
  override readonly kind = "unavailable";
}

async function atStore<T>(ctx: EffectContext, work: (bookings: TillBookings) => Promise<T>): Promise<T> {
  const bookings = ctx.services.bookings;
  if (bookings === undefined) throw new BookingsNeedStoreError("bookings need the store");
  try {
    return await work(bookings);
  } catch (err) {
    if (err instanceof DomainError && err.code === "STORE_UNREACHABLE")
      throw new BookingsNeedStoreError(err.message);
    throw err;
  }
}

export function runBookingEffect(ctx: EffectContext, effect: BookingEffect): void {
  switch (effect.type) {
    case "listBookings":
      settle(
        ctx,
        () => atStore(ctx, (b) => b.list(effect.date)),
        (list) => ({ type: "bookings.listed", list }),
      );
      return;
    case "freeSlots":
      settle(
        ctx,
        () => atStore(ctx, (b) => b.freeSlots(effect.serviceCode, effect.date)),
        (list) => ({ type: "bookings.slots", serviceCode: effect.serviceCode, list }),
      );
      return;
    case "makeBooking":
      settle(
        ctx,
        () =>
          atStore(ctx, async (b) => {
            const booking = await b.book(effect.request);
            return { booking, list: await b.list(effect.date) };
          }),
        ({ booking, list }) => ({
          type: "bookings.listed",
          list,
          done: {
            key: "ok.booked",
            params: {
              service: booking.serviceName,
              staff: booking.staffName ?? booking.staffId,
              start: clockTime(booking.start, ctx.services.settings().timeZone),
            },
          },
        }),
      );
      return;
    case "cancelBooking":
      settle(
        ctx,
        () =>
          atStore(ctx, async (b) => {
            const booking = await b.setStatus(effect.id, "cancelled");
            return { booking, list: await b.list(effect.date) };
          }),
        ({ booking, list }) => ({
          type: "bookings.listed",
          list,
          done: { key: "ok.bookingCancelled", params: { service: booking.serviceName } },
        }),
      );
      return;
    case "serviceCard":
      settle(
        ctx,
        () => atStore(ctx, (b) => b.serviceCard(effect.customerId)),
        (card) => ({ type: "customer.services", card }),
      );
      return;
    case "checkInBooking":
      settle(
        ctx,
        () =>
          atStore(ctx, async (b) => {
            // The service must ring here before the store is told the customer came.
            const { product } = ctx.services.lookup(effect.booking.serviceCode);
            // The customer's package for the service, with a visit left, pays for it.
            const customerId = effect.booking.customerId;
            const card = customerId === null ? null : await b.serviceCard(customerId);
            const pack = card?.packages.find((p) => p.serviceCode === product.code && p.visitsLeft > 0);
            const booking = await b.setStatus(effect.booking.id, "checked_in", effect.saleId);
            return { booking, product, packageId: pack?.id };
          }),
        ({ booking, product, packageId }) => ({
          type: "booking.checkedIn",
          booking,
          product,
          ...(packageId === undefined ? {} : { packageId }),
        }),
      );
      return;
  }
}
