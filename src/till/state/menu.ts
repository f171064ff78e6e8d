import type { KeyCommand } from "../keys/keymap.ts";

/**
 * The function menu (F9): each entry is a command, chosen by its number (the tenth by 0, then
 * the letters a, b, c…) or with Enter.
 */
export const MENU_ITEMS = [
  "sale.returns",
  "receipt.view",
  "drawer.noSale",
  "sale.discount",
  "sale.void",
  "customer.message",
  "report.x",
  "shift.close",
  "receipt.reprint",
  "sales.refused",
  "shift.open",
  "cash.in",
  "cash.out",
  "deposit.return",
  "sale.staffDiscount",
  "receipt.qr",
  "receipt.email",
  "deliveries.open",
  "cash.expense",
  "bookings.open",
  "tables.open",
] as const satisfies readonly KeyCommand[];

const LETTERS = "abcdefghijklmnopqrstuvwxyz";

/** The key that chooses a menu entry: 1…9, then 0 for the tenth, then a, b, c… */
export function menuDigit(index: number): string {
  if (index >= 10) return LETTERS[index - 10] ?? "";
  return index === 9 ? "0" : String(index + 1);
}

/** The menu entry a typed digit (or letter) chooses, if any. */
export function menuIndexOf(digit: string): number {
  const letter = LETTERS.indexOf(digit.toLowerCase());
  if (digit !== "" && letter >= 0) return 10 + letter;
  if (!/^\d$/.test(digit)) return -1;
  return digit === "0" ? 9 : Number(digit) - 1;
}
