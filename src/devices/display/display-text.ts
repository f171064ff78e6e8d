/**
 * What the customer display shows, as two lines of 20 characters: the last item and the total
 * while scanning, the total at payment, and a thank-you with the change at the end.
 */
import { formatAmount } from "../../core/receipt-format.ts";
import { receiptLabels } from "../../core/receipt-labels.ts";

export const DISPLAY_COLUMNS = 20;

export type DisplayLines = [string, string];

export interface DisplayMoney {
  currency: string;
  locale: string;
}

function clip(text: string, width = DISPLAY_COLUMNS): string {
  const chars = [...text.normalize("NFC")];
  return chars.length > width ? chars.slice(0, width).join("") : text.normalize("NFC");
}

/** `left` and `right` on one 20-character line, shortening `left` to make room. */
export function spread(left: string, right: string, width = DISPLAY_COLUMNS): string {
  const rightText = clip(right, width);
  const rightWidth = [...rightText].length;
  if (rightWidth >= width - 1) return rightText;
  const leftText = clip(left, width - rightWidth - 1);
  return `${leftText}${" ".repeat(width - [...leftText].length - rightWidth)}${rightText}`;
}

export function center(text: string, width = DISPLAY_COLUMNS): string {
  const fitted = clip(text, width);
  const pad = Math.floor((width - [...fitted].length) / 2);
  return " ".repeat(pad) + fitted;
}

function amount(minor: number, money: DisplayMoney): string {
  return formatAmount(minor, money.currency, money.locale, "none");
}

/** The item just scanned with its amount, and the running total. */
export function itemLines(
  name: string,
  amountMinor: number,
  totalMinor: number,
  money: DisplayMoney,
): DisplayLines {
  const labels = receiptLabels(money.locale);
  return [spread(name, amount(amountMinor, money)), spread(labels.displayTotal, amount(totalMinor, money))];
}

/** The amount to pay, shown when the cashier totals the sale. */
export function totalLines(totalMinor: number, money: DisplayMoney): DisplayLines {
  const labels = receiptLabels(money.locale);
  return [spread(labels.displayTotal, amount(totalMinor, money)), center(money.currency)];
}

/** The end of the sale: thanks, and the change to hand back. */
export function thankYouLines(changeMinor: number, money: DisplayMoney): DisplayLines {
  const labels = receiptLabels(money.locale);
  return [center(labels.thankYou), spread(labels.displayChange, amount(changeMinor, money))];
}

export function welcomeLines(storeName: string, locale: string): DisplayLines {
  return [center(receiptLabels(locale).displayWelcome), center(storeName)];
}
