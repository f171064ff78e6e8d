/**
 * The bookings screen: today's bookings by staff member. Enter checks the selected booking in
 * (its service goes on the sale with the staff member, who earns the commission on it); F3
 * cancels it. A service code typed and Enter lists the service's free slots today; Enter on a
 * slot books it, for the customer whose card is on the sale (else a walk-in's, with no customer).
 * The store audits each of them.
 */
import { businessDay } from "../../core/business-day.ts";
import type { TillBooking, TillSlot } from "../booking-types.ts";
import type { TillProduct } from "../services.ts";
import { appendLine } from "./append-line.ts";
import { clampSelection, done, fail, goTo, msg } from "./initial.ts";
import type { Effect, Message, SaleLine, TillEnv, TillState, Transition } from "./types.ts";

export type BookingsScreen = Extract<TillState["screen"], { kind: "bookings" }>;

/** Today's bookings by staff member, then by start. */
export function byStaff(list: readonly TillBooking[]): TillBooking[] {
  return [...list].sort(
    (a, b) =>
      (a.staffName ?? a.staffId).localeCompare(b.staffName ?? b.staffId) || a.start.localeCompare(b.start),
  );
}

function today(env: TillEnv): string {
  return businessDay(new Date(env.now()), env.settings.timeZone);
}

function asking(state: TillState, screen: BookingsScreen, effect: Effect): Transition {
  return done(
    {
      ...state,
      busy: true,
      input: "",
      screen,
      status: { tone: "info", message: msg("info.bookingsLoading") },
    },
    effect,
  );
}

export function openBookings(state: TillState, env: TillEnv): Transition {
  if (state.sale.tenders.length > 0) return fail(state, "error.finishSaleFirst");
  const screen: BookingsScreen = { kind: "bookings", list: null, selected: 0, slots: null };
  return asking(goTo(state, screen), screen, { type: "listBookings", date: today(env) });
}

export function bookingsListed(state: TillState, list: TillBooking[], said?: Message): Transition {
  if (state.screen.kind !== "bookings") return done({ ...state, busy: false });
  const sorted = byStaff(list);
  const status =
    said !== undefined
      ? { tone: "ok" as const, message: said }
      : sorted.length === 0
        ? { tone: "info" as const, message: msg("info.noBookings") }
        : null;
  const selected = Math.min(state.screen.selected, Math.max(0, sorted.length - 1));
  return done({
    ...state,
    busy: false,
    status,
    screen: { ...state.screen, list: sorted, selected, slots: null },
  });
}

export function slotsListed(state: TillState, serviceCode: string, list: TillSlot[]): Transition {
  if (state.screen.kind !== "bookings") return done({ ...state, busy: false });
  const status =
    list.length === 0 ? { tone: "info" as const, message: msg("info.noFreeSlots", { serviceCode }) } : null;
  return done({
    ...state,
    busy: false,
    status,
    screen: { ...state.screen, slots: { serviceCode, list, selected: 0 } },
  });
}

/** The booking's service on the sale, with its staff member; back to the sale screen. */
export function bookingCheckedIn(
  state: TillState,
  booking: TillBooking,
  product: TillProduct,
  env: TillEnv,
  packageId?: string,
): Transition {
  const line: SaleLine = {
    id: state.sale.nextLineId,
    code: product.code,
    name: product.name,
    unit: product.unit,
    qtyMilli: 1000,
    // A visit the customer's package pays for is free on the sale.
    unitPriceMinor: packageId === undefined ? product.priceMinor : 0,
    priceGiven: packageId !== undefined,
    taxClass: product.taxClass,
    soldByWeight: product.soldByWeight,
    department: product.department,
    ...(product.category !== undefined ? { category: product.category } : {}),
    staffId: booking.staffId,
    ...(packageId === undefined ? {} : { packageId }),
  };
  const status = {
    tone: "ok" as const,
    message: msg(packageId === undefined ? "ok.bookingCheckedIn" : "ok.bookingCheckedInPackage", {
      service: booking.serviceName,
      staff: booking.staffName ?? booking.staffId,
    }),
  };
  const added = appendLine(
    goTo({ ...state, busy: false }, { kind: "sale" }),
    line,
    env,
    status,
    (priced) => ({
      type: "display",
      show: "item",
      name: line.name,
      amountMinor: priced.quote?.lines.at(-1)?.totalMinor ?? 0,
    }),
  );
  return added;
}

function listKey(
  state: TillState,
  screen: BookingsScreen,
  type: string,
  delta: number,
  env: TillEnv,
): Transition {
  const list = screen.list ?? [];
  if (delta !== 0)
    return done({
      ...state,
      screen: { ...screen, selected: clampSelection(screen.selected, delta, list.length) },
    });
  if (type === "back") return done(goTo({ ...state, status: null }, { kind: "sale" }));
  const chosen = list[screen.selected];
  if (type === "input.submit") {
    const code = state.input.trim();
    if (code !== "") return asking(state, screen, { type: "freeSlots", serviceCode: code, date: today(env) });
    if (screen.list === null) return asking(state, screen, { type: "listBookings", date: today(env) });
    if (chosen === undefined) return fail(state, "error.noBookingChosen");
    if (chosen.status !== "booked") return fail(state, "error.bookingNotOpen");
    return asking(state, screen, { type: "checkInBooking", booking: chosen, saleId: state.sale.id });
  }
  if (type === "line.void") {
    if (chosen === undefined) return fail(state, "error.noBookingChosen");
    if (chosen.status !== "booked") return fail(state, "error.bookingNotOpen");
    return asking(state, screen, { type: "cancelBooking", id: chosen.id, date: today(env) });
  }
  return done(state);
}

function slotsKey(
  state: TillState,
  screen: BookingsScreen,
  slots: NonNullable<BookingsScreen["slots"]>,
  type: string,
  delta: number,
  env: TillEnv,
): Transition {
  if (delta !== 0) {
    const selected = clampSelection(slots.selected, delta, slots.list.length);
    return done({ ...state, screen: { ...screen, slots: { ...slots, selected } } });
  }
  if (type === "back") return done({ ...state, status: null, input: "", screen: { ...screen, slots: null } });
  if (type !== "input.submit") return done(state);
  const slot = slots.list[slots.selected];
  if (slot === undefined) return fail(state, "error.noBookingChosen");
  const request = {
    id: env.newId(),
    serviceCode: slots.serviceCode,
    staffId: slot.staffId,
    start: slot.start,
    // The customer on the sale (their card) is whom the slot is booked for.
    ...(state.sale.customer?.kind === "loyalty" ? { card: state.sale.customer.card } : {}),
  };
  return asking(state, screen, { type: "makeBooking", request, date: today(env) });
}

export function bookingsKey(
  state: TillState,
  screen: BookingsScreen,
  type: string,
  delta: number,
  env: TillEnv,
): Transition {
  return screen.slots === null
    ? listKey(state, screen, type, delta, env)
    : slotsKey(state, screen, screen.slots, type, delta, env);
}
