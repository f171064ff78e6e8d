/**
 * Names of the keys the till reacts to (besides text). A keymap binds these names to commands;
 * the decoder turns terminal bytes into them.
 */

export const FUNCTION_KEYS = [
  "f1",
  "f2",
  "f3",
  "f4",
  "f5",
  "f6",
  "f7",
  "f8",
  "f9",
  "f10",
  "f11",
  "f12",
] as const;

export const NAMED_KEYS = [
  ...FUNCTION_KEYS,
  "enter",
  "escape",
  "backspace",
  "delete",
  "insert",
  "tab",
  "up",
  "down",
  "left",
  "right",
  "home",
  "end",
  "pageup",
  "pagedown",
] as const;

const LETTERS = "abcdefghijklmnopqrstuvwxyz";

export type NamedKey = (typeof NAMED_KEYS)[number];
export type CtrlKey = `ctrl+${string}`;
export type KeyName = NamedKey | CtrlKey;

/** Every key name the till knows: named keys and ctrl+a … ctrl+z. */
export const ALL_KEY_NAMES: readonly KeyName[] = [
  ...NAMED_KEYS,
  ...[...LETTERS].map((letter): CtrlKey => `ctrl+${letter}`),
];

const known = new Set<string>(ALL_KEY_NAMES);

export function isKeyName(name: string): name is KeyName {
  return known.has(name);
}

/** One thing the cashier did at the keyboard (or the scanner typed). */
export type KeyEvent = { kind: "text"; text: string } | { kind: "key"; name: KeyName };

/** How a key is written for people: "F10", "Esc", "Ctrl+R". */
export function keyLabel(name: KeyName): string {
  if (name.startsWith("ctrl+")) return `Ctrl+${name.slice(5).toUpperCase()}`;
  if (/^f\d+$/.test(name)) return name.toUpperCase();
  const labels: Partial<Record<NamedKey, string>> = {
    enter: "Enter",
    escape: "Esc",
    backspace: "Backspace",
    delete: "Del",
    insert: "Ins",
    tab: "Tab",
    up: "↑",
    down: "↓",
    left: "←",
    right: "→",
    home: "Home",
    end: "End",
    pageup: "PgUp",
    pagedown: "PgDn",
  };
  return labels[name as NamedKey] ?? name;
}
