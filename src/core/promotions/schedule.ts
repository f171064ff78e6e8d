/**
 * When a promotion is in force: its validity dates, weekdays and time of day, read in the
 * store's time zone (a happy hour at 17:00 is 17:00 where the shop is).
 */
import { wallClock } from "../wall-clock.ts";
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

/** The clock of an instant in an IANA time zone. */
export function promotionClock(at: Date, timeZone: string): PromotionClock {
  const wall = wallClock(at, timeZone);
  return {
    instant: at.toISOString(),
    date: `${wall.year}-${two(wall.month)}-${two(wall.day)}`,
    weekday: wall.weekday,
    minutes: wall.hour * 60 + wall.minute,
  };
}

const clocks = new Map<string, { at: number; clock: PromotionClock }>();

/** promotionClock, kept for the last instant asked in each time zone (a sale's scans ask for one instant many times). */
export function promotionClockAt(at: Date, timeZone: string): PromotionClock {
  const cached = clocks.get(timeZone);
  if (cached !== undefined && cached.at === at.getTime()) return cached.clock;
  const clock = promotionClock(at, timeZone);
  clocks.set(timeZone, { at: at.getTime(), clock });
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
