import type { KeyCommand } from "../keys/keymap.ts";

/** The function menu (F9): each entry is a command, chosen by its number or with Enter. */
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
] as const satisfies readonly KeyCommand[];
