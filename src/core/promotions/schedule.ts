/**
 * When a promotion is in force: its validity dates, weekdays and time of day, read in the
 * store's time zone (a happy hour at 17:00 is 17:00 where the shop is).
 */
import { type WallClock, wallClock } from "../wall-clock.ts";
import type { CompiledPromotion } from "./book.ts";

/** An instant as a promotion's schedule reads it. */
export interface PromotionClock {
  /** The instant, ISO 8601 UTC: `validFrom`/`validTo` given as times compare with it. */
  instant: string;
  /** The local date YYYY-MM-DD: `validFrom`/`validTo` given as dates compare with it (both inclusive). */
  date: string;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Minutes after local midnight. */
  minutes: number;
}

const two = (n: number) => String(n).padStart(2, "0");

function clockOf(at: Date, wall: WallClock): PromotionClock {
  return {
    instant: at.toISOString(),
    date: `${wall.year}-${two(wall.month)}-${two(wall.day)}`,
    weekday: wall.weekday,
    minutes: wall.hour * 60 + wall.minute,
  };
}

/** The clock of an instant in an IANA time zone. */
export function promotionClock(at: Date, timeZone: string): PromotionClock {
  return clockOf(at, wallClock(at, timeZone));
}

/**
 * The last clock asked for in each time zone, and the instants of the same local minute: they
 * read the same date, weekday and minutes (a zone's offset changes only as a local minute
 * starts), so only the instant is new.
 */
const clocks = new Map<string, { at: number; minuteEnds: number; clock: PromotionClock }>();

/**
 * promotionClock, kept for the local minute last asked in each time zone: a sale's scans ask
 * for the instant of each scan, and reading the local time in a zone costs far more than the
 * rest of a clock.
 */
export function promotionClockAt(at: Date, timeZone: string): PromotionClock {
  const ms = at.getTime();
  const cached = clocks.get(timeZone);
  if (cached !== undefined && ms >= cached.at && ms < cached.minuteEnds) {
    return ms === cached.at ? cached.clock : { ...cached.clock, instant: at.toISOString() };
  }
  const wall = wallClock(at, timeZone);
  const clock = clockOf(at, wall);
  const intoMinute = wall.second * 1000 + (((ms % 1000) + 1000) % 1000);
  clocks.set(timeZone, { at: ms, minuteEnds: ms - intoMinute + 60_000, clock });
  return clock;
}

function isDate(text: string): boolean {
  return text.length === 10;
}

/** Whether the promotion's dates, weekdays and hours hold at the clock's instant. */
export function inSchedule(compiled: CompiledPromotion, clock: PromotionClock): boolean {
  const { validFrom, validTo } = compiled.promotion;
  if (validFrom !== undefined) {
    if (isDate(validFrom) ? clock.date < validFrom : clock.instant < new Date(validFrom).toISOString()) {
      return false;
    }
  }
  if (validTo !== undefined) {
    if (isDate(validTo) ? clock.date > validTo : clock.instant >= new Date(validTo).toISOString()) {
      return false;
    }
  }
  if (compiled.days !== null && !compiled.days.has(clock.weekday)) return false;
  const { minutesFrom: from, minutesTo: to } = compiled;
  if (from !== null && to !== null) {
    const inside =
      from <= to ? clock.minutes >= from && clock.minutes < to : clock.minutes >= from || clock.minutes < to;
    if (!inside) return false;
  }
  return true;
}
