/** Every entry of the functions menu (F9) can be chosen by its own key, however long the menu grows. */
import { expect, test } from "bun:test";
import { MENU_ITEMS, menuDigit, menuIndexOf } from "../../../src/till/state/menu.ts";

test("each menu entry has its own key, and that key chooses it", () => {
  const keys = MENU_ITEMS.map((_, i) => menuDigit(i));
  expect(keys.filter((k) => k === "")).toEqual([]);
  expect(new Set(keys).size).toBe(MENU_ITEMS.length);
  for (const [i, key] of keys.entries()) expect(menuIndexOf(key)).toBe(i);
});
