/**
 * The one table that binds keys to the till's named commands (CONTRACT.md, "Till default
 * keymap"). A store remaps keys in the till's config:
 *
 *   [keymap]
 *   "line.void" = ["f3", "ctrl+v"]
 *   "report.x" = "ctrl+x"
 *
 * A key given to a command in the config is taken away from the command it had by default;
 * two commands of the config may not share a key.
 */
import { InvalidInputError } from "../../core/errors.ts";
import { isKeyName, type KeyName, keyLabel } from "./key-names.ts";

/** Commands a key can trigger. Those with no default key are reached from the menu (F9). */
export const KEY_COMMANDS = [
  "help.toggle",
  "product.search",
  "line.void",
  "line.price",
  "line.qty",
  "sale.hold",
  "sale.resume",
  "payment.card",
  "line.discount",
  "menu.open",
  "sale.total",
  "receipt.view",
  "receipt.reprint",
  "till.lock",
  "back",
  "input.submit",
  "input.backspace",
  "input.clear",
  "cursor.up",
  "cursor.down",
  "page.up",
  "page.down",
  "till.quit",
  "sale.returns",
  "sale.discount",
  "sale.void",
  "drawer.noSale",
  "report.x",
  "shift.close",
  "customer.message",
  "price.check",
  "sales.refused",
  "shift.open",
  "cash.in",
  "cash.out",
  "refund.cash",
  "department.ring",
  "deposit.return",
  "payment.ebt",
  "sale.staffDiscount",
  "receipt.qr",
  "quickKeys.open",
  "tables.open",
  "receipt.email",
  "customer.card",
  "payment.points",
  "payment.giftcard",
  "orders.open",
  "payment.custom",
  "payment.account",
  "sale.promoCode",
  "giftcard.sell",
  "sale.invoice",
  "deliveries.open",
  "cash.expense",
  "bookings.open",
  "payment.card2",
] as const;

export type KeyCommand = (typeof KEY_COMMANDS)[number];

export const DEFAULT_KEYMAP: Readonly<Record<KeyCommand, readonly KeyName[]>> = {
  "help.toggle": ["f1"],
  "product.search": ["f2"],
  "line.void": ["f3"],
  "line.price": ["f4"],
  "line.qty": ["tab"],
  "sale.hold": ["f5"],
  "sale.resume": ["f6"],
  "payment.card": ["f7"],
  "line.discount": ["f8"],
  "menu.open": ["f9"],
  "sale.total": ["f10"],
  "receipt.view": ["f11"],
  "receipt.reprint": [],
  "till.lock": ["f12"],
  back: ["escape"],
  "input.submit": ["enter"],
  "input.backspace": ["backspace"],
  "input.clear": ["ctrl+u", "delete"],
  "cursor.up": ["up"],
  "cursor.down": ["down"],
  "page.up": ["pageup"],
  "page.down": ["pagedown"],
  "till.quit": ["ctrl+c"],
  "sale.returns": [],
  "sale.discount": [],
  "sale.void": [],
  "drawer.noSale": [],
  "report.x": [],
  "shift.close": [],
  "customer.message": [],
  "price.check": ["insert"],
  "sales.refused": [],
  "shift.open": [],
  "cash.in": [],
  "cash.out": [],
  "refund.cash": ["ctrl+k"],
  "department.ring": ["ctrl+d"],
  "deposit.return": ["ctrl+e"],
  "payment.ebt": ["ctrl+f"],
  "sale.staffDiscount": [],
  "receipt.qr": ["ctrl+r"],
  "quickKeys.open": ["ctrl+n"],
  "tables.open": [],
  "receipt.email": ["ctrl+w"],
  "customer.card": ["ctrl+l"],
  "payment.points": ["ctrl+p"],
  "payment.giftcard": ["ctrl+g"],
  "orders.open": ["ctrl+o"],
  "payment.custom": ["ctrl+y"],
  "payment.account": ["ctrl+v"],
  "sale.promoCode": ["ctrl+t"],
  "giftcard.sell": ["ctrl+a"],
  "sale.invoice": ["ctrl+x"],
  "deliveries.open": [],
  "cash.expense": [],
  "bookings.open": [],
  "payment.card2": ["ctrl+z"],
};

export interface Keymap {
  commandFor(key: KeyName): KeyCommand | undefined;
  keysFor(command: KeyCommand): readonly KeyName[];
  /** "F3" or "F3/Ctrl+D"; empty when the command has no key. */
  labelFor(command: KeyCommand): string;
}

export function isKeyCommand(name: string): name is KeyCommand {
  return (KEY_COMMANDS as readonly string[]).includes(name);
}

function keymapError(message: string, details?: unknown): InvalidInputError {
  return new InvalidInputError("INVALID_KEYMAP", message, details);
}

/** Reads the `[keymap]` table of the config: command name → key name or list of key names. */
export function parseKeymapOverrides(raw: unknown): Partial<Record<KeyCommand, KeyName[]>> {
  if (raw === undefined) return {};
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw keymapError('keymap must be a table of command = "key" or ["key", …], e.g. "line.void" = "f3"');
  }
  const result: Partial<Record<KeyCommand, KeyName[]>> = {};
  for (const [command, value] of Object.entries(raw)) {
    if (!isKeyCommand(command)) {
      throw keymapError(`keymap: "${command}" is not a till command; use one of ${KEY_COMMANDS.join(", ")}`, {
        command,
      });
    }
    const list = typeof value === "string" ? [value] : value;
    if (!Array.isArray(list) || list.some((k) => typeof k !== "string")) {
      throw keymapError(`keymap: "${command}" must be a key name or a list of key names`, { command });
    }
    const keys: KeyName[] = [];
    for (const item of list as string[]) {
      const key = item.trim().toLowerCase();
      if (!isKeyName(key)) {
        throw keymapError(
          `keymap: "${item}" (for ${command}) is not a key; use f1…f12, enter, escape, up, down, pageup, pagedown, home, end, delete, insert, tab, backspace or ctrl+a…ctrl+z`,
          { command, key: item },
        );
      }
      keys.push(key);
    }
    result[command] = keys;
  }
  return result;
}

/** The keymap: the defaults with the config's overrides applied. */
export function buildKeymap(overrides: Partial<Record<KeyCommand, readonly KeyName[]>> = {}): Keymap {
  const owner = new Map<KeyName, KeyCommand>();
  for (const [command, keys] of Object.entries(overrides) as [KeyCommand, readonly KeyName[]][]) {
    for (const key of keys) {
      const other = owner.get(key);
      if (other !== undefined && other !== command) {
        throw keymapError(
          `keymap: ${keyLabel(key)} is given to both ${other} and ${command}; give it to one`,
          {
            key,
          },
        );
      }
      owner.set(key, command);
    }
  }
  const byCommand = new Map<KeyCommand, KeyName[]>();
  for (const command of KEY_COMMANDS) {
    const configured = overrides[command];
    const keys = configured ? [...configured] : DEFAULT_KEYMAP[command].filter((key) => !owner.has(key));
    byCommand.set(command, keys);
    if (!configured) for (const key of keys) owner.set(key, command);
  }
  return {
    commandFor: (key) => owner.get(key),
    keysFor: (command) => byCommand.get(command) ?? [],
    labelFor: (command) => (byCommand.get(command) ?? []).map(keyLabel).join("/"),
  };
}
