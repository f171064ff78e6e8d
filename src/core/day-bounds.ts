/** Instants that bound a business day in a time zone (see business-day.ts), for range queries. */
import { businessDay } from "./business-day.ts";

const DAY_MS = 86_400_000;

/** The day after a YYYY-MM-DD date. */
export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

/**
 * The first instant (ISO, UTC) of a business day in `timeZone`: the earliest millisecond whose
 * business day is `day`, found by bisection between a day before and a day after midnight UTC.
 */
export function dayStartInstant(day: string, timeZone: string): string {
  const midnight = Date.parse(`${day}T00:00:00Z`);
  let lo = midnight - 2 * DAY_MS;
  let hi = midnight + 2 * DAY_MS;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (businessDay(new Date(mid), timeZone) < day) lo = mid;
    else hi = mid;
  }
  return new Date(hi).toISOString();
}
