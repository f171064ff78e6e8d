/**
 * Bookings of services with a staff member: the staff calendar, free slots, and a booking's
 * statuses (booked → checked in, cancelled or no-show, each final). Two live bookings of one
 * staff member never overlap; with opening hours configured a booking lies within them. Every
 * change is audited and journaled; a booking with a customer queues its reminder.
 */
import { and, asc, eq, gt, inArray, lt, type SQL } from "drizzle-orm";
import { bookings, products, users } from "../../../schema/store.ts";
import type {
  Booking,
  BookingRequest,
  BookingStatusRequest,
  FreeSlots,
  ServiceAnswer,
} from "../../api/store/services.ts";
import { businessDay } from "../../core/business-day.ts";
import { dayStartInstant, nextDay } from "../../core/day-bounds.ts";
import { localInstant } from "../../core/services/local-time.ts";
import { freeStarts, type Span, within } from "../../core/services/slots.ts";
import { sha256Hex } from "../../core/sha256.ts";
import { recordAudit } from "../audit/service.ts";
import type { Principal } from "../auth/tokens.ts";
import type { StoreContext, StoreDb, StoreTx } from "../context.ts";
import { bookingCustomerOf } from "./booking-customer.ts";
import { requireBookableService, requireStaff } from "./definitions.ts";
import { ServicesError } from "./errors.ts";
import { cancelReminder, queueReminder } from "./reminders.ts";

type BookingRow = typeof bookings.$inferSelect;
const LIVE: BookingRow["status"][] = ["booked", "checked_in"];
const MINUTE_MS = 60_000;
/** Free slots are listed within these hours when no opening hours are configured. */
const DEFAULT_HOURS = { open: "09:00", close: "18:00" };

export function bookingsOf(db: StoreDb | StoreTx, where: SQL | undefined): Booking[] {
  return db
    .select({
      b: bookings,
      serviceName: products.name,
      priceMinor: products.priceMinor,
      staffName: users.name,
    })
    .from(bookings)
    .leftJoin(products, eq(products.code, bookings.serviceCode))
    .leftJoin(users, eq(users.id, bookings.staffId))
    .where(where)
    .orderBy(asc(bookings.start), asc(bookings.staffId))
    .all()
    .map((r) => ({
      id: r.b.id,
      serviceCode: r.b.serviceCode,
      serviceName: r.serviceName ?? r.b.serviceCode,
      staffId: r.b.staffId,
      staffName: r.staffName,
      customerId: r.b.customerId,
      start: r.b.start,
      end: r.b.end,
      status: r.b.status,
      saleId: r.b.saleId,
      priceMinor: r.priceMinor ?? 0,
    }));
}

export class BookingsService {
  constructor(private readonly ctx: StoreContext) {}

  private openingOf(day: string, fallback: boolean): Span | null {
    const hours = this.ctx.settings.services.openingHours ?? (fallback ? DEFAULT_HOURS : undefined);
    if (hours === undefined) return null;
    const zone = this.ctx.settings.timeZone;
    return { start: localInstant(day, hours.open, zone), end: localInstant(day, hours.close, zone) };
  }

  private liveOf(db: StoreDb | StoreTx, staffId: string, span: Span): BookingRow[] {
    return db
      .select()
      .from(bookings)
      .where(
        and(
          eq(bookings.staffId, staffId),
          inArray(bookings.status, LIVE),
          lt(bookings.start, new Date(span.end).toISOString()),
          gt(bookings.end, new Date(span.start).toISOString()),
        ),
      )
      .orderBy(asc(bookings.start))
      .all();
  }

  get(id: string): Booking | null {
    return bookingsOf(this.ctx.db, eq(bookings.id, id))[0] ?? null;
  }

  private require(id: string): Booking {
    const found = this.get(id);
    if (found === null) throw new ServicesError("BOOKING_NOT_FOUND", `no booking has the id ${id}`, { id });
    return found;
  }

  create(request: BookingRequest, principal: Principal): { booking: Booking; created: boolean } {
    const requestHash = sha256Hex(JSON.stringify(request));
    const existing = this.ctx.db.select().from(bookings).where(eq(bookings.id, request.id)).get();
    if (existing) {
      if (existing.requestHash === requestHash) return { booking: this.require(request.id), created: false };
      throw new ServicesError(
        "BOOKING_ID_REUSED",
        `booking ${request.id} was already made with other details: a new booking needs a new id`,
        { id: request.id },
      );
    }
    const service = requireBookableService(this.ctx.db, request.serviceCode);
    requireQualified(this.ctx.db, service, request.staffId);
    const startMs = Date.parse(request.start);
    const span = { start: startMs, end: startMs + (service.durationMin ?? 0) * MINUTE_MS };
    const day = businessDay(new Date(startMs), this.ctx.settings.timeZone);
    const opening = this.openingOf(day, false);
    if (opening !== null && !within(span, opening)) {
      const hours = this.ctx.settings.services.openingHours;
      throw new ServicesError(
        "OUTSIDE_OPENING_HOURS",
        `the booking from ${new Date(span.start).toISOString()} to ${new Date(span.end).toISOString()} is outside the opening hours (${hours?.open}–${hours?.close}, ${this.ctx.settings.timeZone})`,
        {
          start: new Date(span.start).toISOString(),
          end: new Date(span.end).toISOString(),
          openingHours: hours,
        },
      );
    }
    const at = this.ctx.now();
    const row: BookingRow = {
      id: request.id,
      serviceCode: request.serviceCode,
      staffId: request.staffId,
      customerId: request.customerId ?? bookingCustomerOf(this.ctx, request.card),
      start: new Date(span.start).toISOString(),
      end: new Date(span.end).toISOString(),
      status: "booked",
      saleId: null,
      requestHash,
      createdAt: at.toISOString(),
      updatedAt: at.toISOString(),
    };
    this.ctx.db.transaction((tx) => {
      // Checked and written in one transaction: two bookings cannot both take the slot.
      const conflicting = this.liveOf(tx, request.staffId, span)[0];
      if (conflicting !== undefined) {
        const other = bookingsOf(tx, eq(bookings.id, conflicting.id))[0];
        throw new ServicesError(
          "BOOKING_OVERLAP",
          `${request.staffId} is already booked from ${conflicting.start} to ${conflicting.end} (booking ${conflicting.id})`,
          { conflicting: other },
        );
      }
      tx.insert(bookings).values(row).run();
      this.audit(tx, "booking.created", row, principal, at);
      if (row.customerId !== null) queueReminder(this.ctx, tx, row, service, at);
    });
    this.ctx.wakeNotifications?.();
    return { booking: this.require(request.id), created: true };
  }

  private audit(tx: StoreTx, action: string, row: BookingRow, principal: Principal, at: Date): void {
    recordAudit(
      this.ctx,
      tx,
      {
        action,
        at,
        userId: principal.userId,
        tillId: principal.tillId,
        refId: row.id,
        detail: { serviceCode: row.serviceCode, staffId: row.staffId, start: row.start, status: row.status },
      },
      true,
    );
  }

  setStatus(id: string, request: BookingStatusRequest, principal: Principal): Booking {
    const at = this.ctx.now();
    this.ctx.db.transaction((tx) => {
      const row = tx.select().from(bookings).where(eq(bookings.id, id)).get();
      if (row === undefined)
        throw new ServicesError("BOOKING_NOT_FOUND", `no booking has the id ${id}`, { id });
      if (row.status !== "booked") {
        throw new ServicesError(
          "BOOKING_STATUS_FINAL",
          `booking ${id} is already ${row.status.replace("_", " ")}: it cannot become ${request.status.replace("_", " ")}`,
          { id, status: row.status },
        );
      }
      const changed: BookingRow = {
        ...row,
        status: request.status,
        saleId: request.saleId ?? row.saleId,
        updatedAt: at.toISOString(),
      };
      tx.update(bookings)
        .set({ status: changed.status, saleId: changed.saleId, updatedAt: changed.updatedAt })
        .where(eq(bookings.id, id))
        .run();
      // A reminder not yet sent is of no use any more (a check-in comes after it anyway).
      cancelReminder(tx, id);
      this.audit(tx, `booking.${request.status}`, changed, principal, at);
    });
    return this.require(id);
  }

  /** The staff calendar: a business day's bookings, every status, by start. */
  list(date: string | undefined, staffId: string | undefined): Booking[] {
    const day = date ?? businessDay(this.ctx.now(), this.ctx.settings.timeZone);
    const zone = this.ctx.settings.timeZone;
    const conditions: SQL[] = [
      lt(bookings.start, dayStartInstant(nextDay(day), zone)),
      gt(bookings.end, dayStartInstant(day, zone)),
    ];
    if (staffId !== undefined) conditions.push(eq(bookings.staffId, staffId));
    return bookingsOf(this.ctx.db, and(...conditions));
  }

  /** Free slots of a service on a day: for one staff member, or each who performs it. */
  freeSlots(serviceCode: string, date: string, staffId: string | undefined): FreeSlots {
    const service = requireBookableService(this.ctx.db, serviceCode);
    const staff = staffId !== undefined ? [staffId] : staffOf(this.ctx.db, service);
    if (staffId !== undefined) requireQualified(this.ctx.db, service, staffId);
    const opening = this.openingOf(date, true) as Span;
    const durationMs = (service.durationMin ?? 0) * MINUTE_MS;
    const stepMs = this.ctx.settings.services.slotMinutes * MINUTE_MS;
    const now = this.ctx.now().getTime();
    const slots = staff.flatMap((id) => {
      const busy = this.liveOf(this.ctx.db, id, opening).map((b) => ({
        start: Date.parse(b.start),
        end: Date.parse(b.end),
      }));
      return freeStarts(opening, durationMs, stepMs, busy, now).map((start) => ({
        staffId: id,
        start: new Date(start).toISOString(),
        end: new Date(start + durationMs).toISOString(),
      }));
    });
    slots.sort((a, b) => a.start.localeCompare(b.start) || a.staffId.localeCompare(b.staffId));
    return { serviceCode, date, durationMin: service.durationMin ?? 0, slots };
  }
}

/** The staff who perform a service: those it names, or every active user. */
function staffOf(db: StoreDb, service: ServiceAnswer): string[] {
  if (service.staffIds.length > 0) return service.staffIds;
  return db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.active, true))
    .orderBy(asc(users.id))
    .all()
    .map((u) => u.id);
}

function requireQualified(db: StoreDb | StoreTx, service: ServiceAnswer, staffId: string): void {
  requireStaff(db, staffId);
  if (service.staffIds.length > 0 && !service.staffIds.includes(staffId)) {
    throw new ServicesError(
      "STAFF_NOT_QUALIFIED",
      `${staffId} does not perform ${service.code}: it is performed by ${service.staffIds.join(", ")}`,
      { staffId, serviceCode: service.code, staffIds: service.staffIds },
    );
  }
}
