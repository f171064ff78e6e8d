/**
 * The store's business day: the calendar date of an instant in the store's time zone. Sales,
 * returns, reports, head office's figures and the age check all count days this way, so a sale
 * rung at 23:30 in New York belongs to the same day everywhere.
 */

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The business day (YYYY-MM-DD) of an instant in an IANA time zone. Throws a RangeError for a
 * zone the runtime does not know.
 */
export function businessDay(at: Date, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    // en-CA formats a date as YYYY-MM-DD.
    format = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    dayFormats.set(timeZone, format);
  }
  return format.format(at);
}
