/**
 * What the cashier types: `3*4011` (quantity and code), amounts (`20`, `12.50`, `12,50`),
 * discounts (`10%` or an amount) and counts. Each parser answers null for text it cannot read;
 * the caller says what to type instead.
 */
import type { Discount } from "../../core/discount.ts";
import { currencyExponent, parseMoneyToMinor } from "../../core/money.ts";
import { parseQuantityMilli } from "../../core/quantity.ts";

export type SaleEntry =
  | { kind: "code"; code: string; qtyMilli: number | null }
  | { kind: "badQuantity"; text: string }
  /** `3*` alone: a quantity for the selected line. */
  | { kind: "missingCode"; qtyMilli: number };

const QTY_CODE = /^\s*(\d+(?:[.,]\d+)?)\s*[*xX×]\s*(.*)$/;

/** `4011`, `3*4011`, `0.455*4011` (also `3x4011` and a decimal comma). */
export function parseSaleEntry(text: string): SaleEntry | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  const match = QTY_CODE.exec(trimmed);
  if (match === null) return { kind: "code", code: trimmed, qtyMilli: null };
  const [, qtyText = "", code = ""] = match;
  const qtyMilli = parseQuantity(qtyText);
  if (qtyMilli === null) return { kind: "badQuantity", text: qtyText };
  if (code.trim() === "") return { kind: "missingCode", qtyMilli };
  return { kind: "code", code: code.trim(), qtyMilli };
}

/** A quantity or weight, at most 3 decimals, more than zero. */
export function parseQuantity(text: string): number | null {
  try {
    const milli = parseQuantityMilli(text.trim().replace(",", "."));
    return milli > 0 ? milli : null;
  } catch {
    return null;
  }
}

/** An amount of money in the store's currency, 0 or more. */
export function parseAmount(text: string, currency: string): number | null {
  const cleaned = text.trim().replace(/\s/g, "").replace(",", ".");
  if (cleaned === "") return null;
  try {
    const minor = parseMoneyToMinor(cleaned, currencyExponent(currency));
    return minor >= 0 ? minor : null;
  } catch {
    return null;
  }
}

/** `10%` (percent, up to 2 decimals, at most 100) or an amount. */
export function parseDiscount(text: string, currency: string): Discount | null {
  const trimmed = text.trim();
  const percent = /^(\d{1,3}(?:[.,]\d{1,2})?)\s*%$/.exec(trimmed);
  if (percent !== null) {
    const value = (percent[1] ?? "").replace(",", ".");
    const number = Number(value);
    if (number <= 0 || number > 100) return null;
    return { percent: value };
  }
  const amountMinor = parseAmount(trimmed, currency);
  return amountMinor === null || amountMinor === 0 ? null : { amountMinor };
}

/** A whole count (coins, notes), 0 or more. */
export function parseCount(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,6}$/.test(trimmed)) return null;
  return Number(trimmed);
}

/** Yes to a yes/no question, in each of the till's languages (y, oui, да, bəli, and their first letters). */
const YES = new Set(["y", "yes", "o", "oui", "д", "да", "b", "bəli", "h", "hə"]);

export function isYes(text: string): boolean {
  return YES.has(text.trim().toLocaleLowerCase());
}
