/**
 * The wall clock of an instant in an IANA time zone (DST-aware): what a clock on the shop's
 * wall showed. Business days (business-day.ts), promotions' hours, bookings' slots and reports
 * by hour all read local time through here.
 */

/** Local date and time of an instant; month 1–12, weekday ISO (1 = Monday … 7 = Sunday). */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  weekday: number;
  hour: number;
  minute: number;
  second: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let found = formats.get(timeZone);
  if (found === undefined) {
    found = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      weekday: "short",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formats.set(timeZone, found);
  }
  return found;
}

/** The wall clock of an instant. Throws a RangeError for a zone the runtime does not know. */
export function wallClock(at: Date | number, timeZone: string): WallClock {
  const clock: WallClock = { year: 0, month: 0, day: 0, weekday: 1, hour: 0, minute: 0, second: 0 };
  for (const part of formatFor(timeZone).formatToParts(at)) {
    switch (part.type) {
      case "year":
      case "month":
      case "day":
      case "hour":
      case "minute":
      case "second":
        clock[part.type] = Number(part.value);
        break;
      case "weekday":
        clock.weekday = WEEKDAYS[part.value] ?? 1;
        break;
    }
  }
  return clock;
}

/** How far the zone's wall clock is ahead of UTC at an instant, in ms. */
export function zoneOffsetMs(at: number, timeZone: string): number {
  const c = wallClock(at, timeZone);
  const wall = Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second);
  return wall - Math.floor(at / 1000) * 1000;
}
