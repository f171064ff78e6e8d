/** Money, quantities and times as the console's reader writes them. */
import { currencyExponent, formatMoney, minorToDecimalString } from "../../core/money.ts";
import type { View } from "./console.ts";

/** An amount in minor units in the view's locale (plain decimals when the currency is unknown). */
export function money(view: View, minor: number, currency: string | null): string {
  if (currency === null) return minorToDecimalString(minor, 2);
  try {
    return formatMoney(minor, currency, view.locale);
  } catch {
    return minorToDecimalString(minor, 2);
  }
}

/** The decimal text a price field shows for an amount (e.g. 3.49). */
export function moneyField(minor: number, currency: string): string {
  return minorToDecimalString(minor, currencyExponent(currency));
}

/** A quantity in thousandths as units (12, 0.455). */
export function qty(view: View, milli: number): string {
  return new Intl.NumberFormat(view.locale, { maximumFractionDigits: 3 }).format(milli / 1000);
}

/** An ISO time to the minute, in UTC. */
export function minute(iso: string | null): string {
  return iso === null ? "—" : `${iso.slice(0, 16).replace("T", " ")} UTC`;
}
