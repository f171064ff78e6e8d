/**
 * Time-of-day messages (`when.event: "time"`): in force from `from` (inclusive) to `to`
 * (exclusive), local time, on `days` (ISO weekdays; every day without); a window with `from` after
 * `to` runs over midnight, its weekday being the day it is now. "Happy hour until 19:00" on the
 * till's status line from 17:00. Pure: the caller gives the local clock.
 */
import type { Message } from "./schema.ts";

/** The local time as a message's window reads it (a PromotionClock is one). */
export interface MessageClock {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Minutes after local midnight. */
  minutes: number;
}

function minutesOf(time: string): number {
  const [h = "0", m = "0"] = time.split(":");
  return Number(h) * 60 + Number(m);
}

/** The time messages in force at the clock, in the order given. */
export function timeMessagesAt(messages: readonly Message[], clock: MessageClock): Message[] {
  return messages.filter(({ when }) => {
    if (when.event !== "time" || when.from === undefined || when.to === undefined) return false;
    if (when.days !== undefined && !when.days.includes(clock.weekday)) return false;
    const from = minutesOf(when.from);
    const to = minutesOf(when.to);
    return from <= to
      ? clock.minutes >= from && clock.minutes < to
      : clock.minutes >= from || clock.minutes < to;
  });
}
