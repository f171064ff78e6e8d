import type { KeyCommand } from "../keys/keymap.ts";

/**
 * The function menu (F9): each entry is a command, chosen by its number (the tenth by 0) or
 * with Enter.
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
] as const satisfies readonly KeyCommand[];

/** The key that chooses a menu entry: 1…9, then 0 for the tenth. */
export function menuDigit(index: number): string {
  return index === 9 ? "0" : String(index + 1);
}

/** The menu entry a typed digit chooses, if any. */
export function menuIndexOf(digit: string): number {
  if (!/^\d$/.test(digit)) return -1;
  return digit === "0" ? 9 : Number(digit) - 1;
}
