/**
 * Time-of-day messages on the till's status line: while one's window lasts (its `from`–`to`, in the
 * store's time zone), its cashier text shows on the message line whenever nothing else is said
 * there. Checked with the clock, every second; the screen is drawn again only when the text changes.
 */
import { useEffect, useState } from "react";
import { timeMessagesAt } from "../../core/messages/index.ts";
import { promotionClock } from "../../core/promotions/index.ts";
import type { TillServices } from "../services.ts";

/** The cashier texts of the time messages in force now, joined; "" when none. */
export function timeMessageText(
  services: Pick<TillServices, "promotions">,
  at: Date,
  timeZone: string,
): string {
  const messages = services.promotions?.().messages ?? [];
  if (!messages.some((m) => m.when.event === "time")) return "";
  return timeMessagesAt(messages, promotionClock(at, timeZone))
    .flatMap((m) => (m.cashier === undefined ? [] : [m.cashier]))
    .join(" · ");
}

export function useTimeMessage(
  services: Pick<TillServices, "promotions">,
  now: () => Date,
  timeZone: string,
): string {
  const [text, setText] = useState(() => timeMessageText(services, now(), timeZone));
  useEffect(() => {
    const check = () => setText(timeMessageText(services, now(), timeZone));
    check();
    const timer = setInterval(check, 1000);
    return () => clearInterval(timer);
  }, [services, now, timeZone]);
  return text;
}
