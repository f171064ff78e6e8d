/**
 * Age-restricted items (alcohol, tobacco): the age a product or its department needs, and the
 * customer's age from a date of birth on the store's calendar day. Someone born on 29 February
 * is a year older on 1 March in a common year (as UK law and most US states count it).
 */

import { businessDay } from "./business-day.ts";

/** A calendar date (month 1–12, day 1–31). */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** The order a date of birth is typed in, from the store's locale. */
export type DobOrder = "dmy" | "mdy" | "ymd";

/** The age an item needs: the product's own when set (0: none), else its department's. */
export function requiredAge(productMinAge: number | null, departmentMinAge: number | null): number {
  return productMinAge ?? departmentMinAge ?? 0;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysIn(year: number, month: number): number {
  if (month === 2) return isLeap(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Full years from `dob` to `today` (0 or more; negative for a date of birth in the future). */
export function ageOn(dob: CalendarDate, today: CalendarDate): number {
  const years = today.year - dob.year;
  // A 29 February birthday falls on 1 March in a common year.
  const leapDay = dob.month === 2 && dob.day === 29 && !isLeap(today.year);
  const birthdayMonth = leapDay ? 3 : dob.month;
  const birthdayDay = leapDay ? 1 : dob.day;
  const hadBirthday =
    today.month > birthdayMonth || (today.month === birthdayMonth && today.day >= birthdayDay);
  return hadBirthday ? years : years - 1;
}

/** The calendar date at `now` in an IANA time zone (the store's `timeZone`). */
export function dateInZone(now: Date, timeZone: string): CalendarDate {
  const [year = Number.NaN, month = Number.NaN, day = Number.NaN] = businessDay(now, timeZone)
    .split("-")
    .map(Number);
  return { year, month, day };
}

/** The order of day, month and year in a locale's short dates ("en-US": month first). */
export function dobOrderOf(locale: string): DobOrder {
  try {
    const parts = new Intl.DateTimeFormat(locale, { year: "numeric", month: "2-digit", day: "2-digit" })
      .formatToParts(new Date(Date.UTC(2001, 10, 22)))
      .filter((p) => p.type === "year" || p.type === "month" || p.type === "day")
      .map((p) => p.type[0]);
    const order = parts.join("");
    return order === "mdy" || order === "ymd" ? order : "dmy";
  } catch {
    return "dmy";
  }
}

/** How a date of birth in that order is written, for prompts: DDMMYYYY, MMDDYYYY, YYYYMMDD. */
export function dobPattern(order: DobOrder): string {
  return order === "mdy" ? "MMDDYYYY" : order === "ymd" ? "YYYYMMDD" : "DDMMYYYY";
}

/**
 * A date of birth as typed: eight digits in the locale's order (`15062005`), or the three
 * parts with `.`, `/`, `-` or spaces between them (`15.06.2005`, `6/15/2005`). Null when it is
 * not a real date from 1900 on.
 */
export function parseDob(text: string, order: DobOrder): CalendarDate | null {
  const typed = text.trim();
  let parts: string[];
  if (/^\d{8}$/.test(typed)) {
    parts =
      order === "ymd"
        ? [typed.slice(0, 4), typed.slice(4, 6), typed.slice(6)]
        : [typed.slice(0, 2), typed.slice(2, 4), typed.slice(4)];
  } else {
    parts = typed.split(/[./\-\s]+/);
    if (parts.length !== 3 || parts.some((p) => !/^\d+$/.test(p))) return null;
  }
  const [a = "", b = "", c = ""] = parts;
  const [y, m, d] = order === "ymd" ? [a, b, c] : order === "mdy" ? [c, a, b] : [c, b, a];
  if (y.length !== 4 || m.length > 2 || d.length > 2) return null;
  const date = { year: Number(y), month: Number(m), day: Number(d) };
  if (date.year < 1900 || date.month < 1 || date.month > 12) return null;
  if (date.day < 1 || date.day > daysIn(date.year, date.month)) return null;
  return date;
}
