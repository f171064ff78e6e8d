/** Times of day in the store's time zone, for opening hours and free slots (DST-aware). */
import { wallClock, zoneOffsetMs } from "../wall-clock.ts";

const two = (n: number) => String(n).padStart(2, "0");

/** `HH:MM` of an instant on the wall clock of a time zone. */
export function clockTime(iso: string, timeZone: string): string {
  const c = wallClock(new Date(iso), timeZone);
  return `${two(c.hour)}:${two(c.minute)}`;
}

/** The instant (ms since the epoch) of a wall-clock time "HH:MM" on a day in a time zone. */
export function localInstant(day: string, time: string, timeZone: string): number {
  const guess = Date.parse(`${day}T${time}:00Z`);
  const first = guess - zoneOffsetMs(guess, timeZone);
  return guess - zoneOffsetMs(first, timeZone);
}
