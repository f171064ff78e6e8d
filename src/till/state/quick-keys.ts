/**
 * Quick keys: pages of named product keys from the store's settings (`[[quickKeys.pages]]`).
 * On the quick-key screen a key's hotkey (1…9, 0, a…j, or its own) rings its product exactly as
 * if it had been scanned (after a quantity typed before the screen opened, `3*`, as a scan
 * after `3*` would); arrows and page keys turn the pages; Esc goes back to the sale.
 */

import { pageHotkeys } from "../../core/restaurant-settings.ts";
import type { KeyCommand } from "../keys/keymap.ts";
import { done, goTo, msg } from "./initial.ts";
import { parseSaleEntry } from "./parse-input.ts";
import type { TillEnv, TillState, Transition } from "./types.ts";

export type QuickKeysScreen = Extract<TillState["screen"], { kind: "quickKeys" }>;

export function openQuickKeys(state: TillState, env: TillEnv): Transition {
  if (env.settings.quickKeys.pages.length === 0)
    return done({ ...state, status: { tone: "error", message: msg("error.noQuickKeys") } });
  // `3*` typed on the sale screen: a quantity for the key pressed next.
  const typed = state.input.trim();
  const quantity = parseSaleEntry(typed)?.kind === "missingCode" ? { quantity: typed } : {};
  return done(goTo({ ...state, status: null }, { kind: "quickKeys", page: 0, ...quantity }));
}

/** A hotkey typed on the screen: back to the sale with the product rung through `ring` (the scan path). */
export function quickKeyTyped(
  state: TillState,
  screen: QuickKeysScreen,
  text: string,
  env: TillEnv,
  ring: (state: TillState, code: string) => Transition,
): Transition {
  const page = env.settings.quickKeys.pages[screen.page];
  const typed = [...text.trim()][0]?.toLowerCase() ?? "";
  if (page === undefined || typed === "") return done(state);
  const index = pageHotkeys(page).indexOf(typed);
  const key = page.keys[index];
  if (key === undefined)
    return done({ ...state, status: { tone: "error", message: msg("error.noQuickKey", { key: typed }) } });
  return ring(goTo(state, { kind: "sale" }), `${screen.quantity ?? ""}${key.code}`);
}

/** Keys on the quick-key screen other than text: turn pages, or go back. */
export function quickKeysKey(
  state: TillState,
  screen: QuickKeysScreen,
  type: KeyCommand,
  env: TillEnv,
): Transition {
  const pages = env.settings.quickKeys.pages.length;
  const turn = (by: number) =>
    done({ ...state, screen: { ...screen, page: (screen.page + by + pages) % pages } });
  switch (type) {
    case "back":
    case "quickKeys.open":
      return done(goTo(state, { kind: "sale" }));
    case "cursor.down":
    case "page.down":
      return turn(1);
    case "cursor.up":
    case "page.up":
      return turn(-1);
    default:
      return done(state);
  }
}
