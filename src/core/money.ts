import { InvalidInputError } from "./errors.ts";
import { requireSafeInteger, toSafeNumber } from "./safe-integer.ts";

/** Largest minor-unit exponent accepted (ISO 4217 tops out at 4, for CLF and UYW). */
export const MAX_EXPONENT = 6;

let knownCurrencies: ReadonlySet<string> | undefined;
const exponentCache = new Map<string, number>();
const formatterCache = new Map<string, Intl.NumberFormat>();

function currencySet(): ReadonlySet<string> {
  knownCurrencies ??= new Set(Intl.supportedValuesOf("currency"));
  return knownCurrencies;
}

function unknownCurrency(code: string): InvalidInputError {
  return new InvalidInputError(
    "UNKNOWN_CURRENCY",
    `"${code}" is not an ISO 4217 currency code; use a three-letter code such as USD, EUR, CHF or JPY.`,
    { currency: code },
  );
}

/** Canonical upper-case ISO 4217 code, or UNKNOWN_CURRENCY. */
export function normalizeCurrency(code: string): string {
  if (!/^[A-Za-z]{3}$/.test(code)) throw unknownCurrency(code);
  const upper = code.toUpperCase();
  if (!currencySet().has(upper)) throw unknownCurrency(code);
  return upper;
}

/** ISO 4217 minor-unit exponent of a currency: JPY 0, USD 2, KWD 3, CLF 4. */
export function currencyExponent(code: string): number {
  const cached = exponentCache.get(code);
  if (cached !== undefined) return cached;
  const currency = normalizeCurrency(code);
  const digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions()
    .maximumFractionDigits;
  const exponent = digits ?? 2;
  exponentCache.set(code, exponent);
  return exponent;
}

function requireExponent(exponent: number): void {
  if (!Number.isInteger(exponent) || exponent < 0 || exponent > MAX_EXPONENT) {
    throw new InvalidInputError(
      "INVALID_EXPONENT",
      `A currency exponent is a whole number from 0 to ${MAX_EXPONENT}, not ${exponent}.`,
      { exponent },
    );
  }
}

const AMOUNT_PATTERN = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * Parses a decimal amount ("5.95", "-1.5", "1200") into integer minor units for a currency with
 * the given exponent. Refuses more decimals than the currency has, exponent notation, signs
 * other than a leading minus, blanks and amounts beyond the safe integer range.
 */
export function parseMoneyToMinor(text: string, exponent: number): number {
  requireExponent(exponent);
  const invalid = (reason: string): InvalidInputError =>
    new InvalidInputError("INVALID_AMOUNT", `"${text}" is not a valid amount: ${reason}.`, {
      text,
      exponent,
    });
  const match = AMOUNT_PATTERN.exec(text);
  if (match === null) throw invalid("write digits with an optional minus sign and decimal point, e.g. 5.95");
  const [, sign = "", whole = "0", fraction = ""] = match;
  if (fraction.length > exponent) {
    throw invalid(
      exponent === 0
        ? "this currency has no decimals"
        : `this currency has at most ${exponent} decimal${exponent === 1 ? "" : "s"}`,
    );
  }
  const digits = BigInt(whole + fraction.padEnd(exponent, "0"));
  const minor = sign === "-" ? -digits : digits;
  if (minor > BigInt(Number.MAX_SAFE_INTEGER) || minor < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw invalid("it is too large to handle exactly");
  }
  return minor === 0n ? 0 : Number(minor);
}

/** Exact decimal text of an amount in minor units: (595, 2) -> "5.95", (5, 0) -> "5", (-5, 2) -> "-0.05". */
export function minorToDecimalString(minor: number, exponent: number): string {
  requireSafeInteger(minor, "INVALID_AMOUNT", "amount");
  requireExponent(exponent);
  const negative = minor < 0;
  const digits = Math.abs(minor).toString();
  if (exponent === 0) return `${negative ? "-" : ""}${digits}`;
  const padded = digits.padStart(exponent + 1, "0");
  const cut = padded.length - exponent;
  return `${negative ? "-" : ""}${padded.slice(0, cut)}.${padded.slice(cut)}`;
}

function formatterFor(currency: string, locale: string, exponent: number): Intl.NumberFormat {
  const key = `${locale}\u0000${currency}`;
  const cached = formatterCache.get(key);
  if (cached !== undefined) return cached;
  let formatter: Intl.NumberFormat;
  try {
    formatter = new Intl.NumberFormat(locale, {
      style: "currency",
      currency,
      minimumFractionDigits: exponent,
      maximumFractionDigits: exponent,
    });
  } catch {
    throw new InvalidInputError(
      "INVALID_LOCALE",
      `"${locale}" is not a valid locale; use a BCP 47 tag such as en-US, de-CH or ja-JP.`,
      { locale },
    );
  }
  formatterCache.set(key, formatter);
  return formatter;
}

/**
 * Formats an amount in minor units as currency for a locale ("$5.95", "CHF 5.95", "¥1,200").
 * The number is handed to Intl as exact decimal text, so no amount drifts through floating point.
 */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const code = normalizeCurrency(currency);
  const exponent = currencyExponent(code);
  const text = minorToDecimalString(minor, exponent);
  return formatterFor(code, locale, exponent).format(text as Intl.StringNumericLiteral);
}

/** Sum of amounts in minor units, refusing a total that is not exact. */
export function sumMinor(amounts: readonly number[]): number {
  let total = 0n;
  for (const amount of amounts) total += BigInt(requireSafeInteger(amount, "INVALID_AMOUNT", "amount"));
  return toSafeNumber(total, "total");
}
