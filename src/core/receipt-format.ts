/**
 * Locale-aware text for receipts: money, quantities, rates and times. Every number is handed to
 * Intl as exact decimal text built from the integer, so nothing passes through floating point.
 */
import { InvalidInputError } from "./errors.ts";
import { currencyExponent, minorToDecimalString, normalizeCurrency } from "./money.ts";

/** How an amount shows its currency: the symbol ("₽"), the ISO code ("RUB") or nothing. */
export type CurrencyDisplay = "symbol" | "code" | "none";

const formatters = new Map<string, Intl.NumberFormat>();

/** The formatter for the locale and options, made once per key (`name` names the options). */
function formatter(
  locale: string,
  options: Intl.NumberFormatOptions,
  name = JSON.stringify(options),
): Intl.NumberFormat {
  const key = `${locale}\u0000${name}`;
  const cached = formatters.get(key);
  if (cached !== undefined) return cached;
  let created: Intl.NumberFormat;
  try {
    created = new Intl.NumberFormat(locale, options);
  } catch {
    throw new InvalidInputError(
      "INVALID_LOCALE",
      `"${locale}" is not a valid locale; use a BCP 47 tag such as en-US, ru-RU, fr-FR or az-AZ.`,
      { locale },
    );
  }
  formatters.set(key, created);
  return created;
}

/** Unicode spaces that Intl puts into numbers (no-break, narrow no-break) become plain spaces. */
function plainSpaces(text: string): string {
  return text.replace(/[\u00a0\u202f\u2007\u2009]/g, " ");
}

/** The currency's exponent and formatter by locale, currency and display (looked up per amount). */
const amountFormats = new Map<string, { exponent: number; format: Intl.NumberFormat }>();

/** An amount in minor units as text for the locale, e.g. (123450, "RUB", "ru") -> "1 234,50 ₽". */
export function formatAmount(
  minor: number,
  currency: string,
  locale: string,
  display: CurrencyDisplay = "symbol",
): string {
  const key = `${locale}\u0000${currency}\u0000${display}`;
  let amounts = amountFormats.get(key);
  if (amounts === undefined) {
    const code = normalizeCurrency(currency);
    const exponent = currencyExponent(code);
    const digits = { minimumFractionDigits: exponent, maximumFractionDigits: exponent };
    const options: Intl.NumberFormatOptions =
      display === "none"
        ? { ...digits, useGrouping: true }
        : { ...digits, style: "currency", currency: code, currencyDisplay: display };
    amounts = { exponent, format: formatter(locale, options) };
    amountFormats.set(key, amounts);
  }
  const decimal = minorToDecimalString(minor, amounts.exponent) as Intl.StringNumericLiteral;
  return plainSpaces(amounts.format.format(decimal));
}

/** An amount with an explicit sign, for adjustments: "+0.02", "-1.00". */
export function formatSignedAmount(minor: number, currency: string, locale: string): string {
  const text = formatAmount(Math.abs(minor), currency, locale, "none");
  return `${minor < 0 ? "-" : "+"}${text}`;
}

/** A quantity in milli-units: 2000 -> "2", 455 -> "0.455" ("0,455" in fr/ru/az). */
export function formatQuantity(qtyMilli: number, locale: string): string {
  const decimal = minorToDecimalString(qtyMilli, 3) as Intl.StringNumericLiteral;
  return plainSpaces(formatter(locale, { maximumFractionDigits: 3 }, "quantity").format(decimal));
}

/** A percentage given as a decimal string: "8.875" -> "8.875%" ("8,875 %" in fr). */
export function formatRate(rate: string, locale: string): string {
  if (!/^-?\d+(\.\d+)?$/.test(rate)) {
    throw new InvalidInputError(
      "INVALID_RATE",
      `"${rate}" is not a tax rate; write a percentage such as 8.875.`,
      {
        rate,
      },
    );
  }
  const decimals = rate.split(".")[1]?.length ?? 0;
  const number = formatter(locale, { minimumFractionDigits: 0, maximumFractionDigits: decimals });
  const sample = plainSpaces(formatter(locale, { style: "percent" }).format(0.5));
  const suffix = sample.endsWith(" %") ? " %" : "%";
  return `${plainSpaces(number.format(rate as Intl.StringNumericLiteral))}${suffix}`;
}

/** Local date and time of an ISO instant as "2025-11-23 16:48" in the given IANA time zone. */
export function formatDateTime(iso: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    throw new InvalidInputError(
      "INVALID_TIME",
      `"${iso}" is not an ISO 8601 time such as 2025-11-23T16:48:00Z.`,
      {
        iso,
      },
    );
  }
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    }).formatToParts(date);
  } catch {
    throw new InvalidInputError(
      "INVALID_TIME_ZONE",
      `"${timeZone}" is not a time zone; use an IANA name such as Europe/Paris or UTC.`,
      { timeZone },
    );
  }
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")} ${part("hour")}:${part("minute")}`;
}
