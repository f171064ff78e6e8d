import { expect, test } from "bun:test";
import { render } from "ink-testing-library";
import { createElement } from "react";
import { KDS_LANGUAGES, KDS_MESSAGES, KDS_REFUSALS, refusalText } from "../../src/kds/i18n.ts";
import { initialKdsState } from "../../src/kds/state.ts";
import { KdsView } from "../../src/kds/ui.tsx";
import { AuthError } from "../../src/store-server/auth/errors.ts";
import { KitchenError } from "../../src/store-server/kitchen/errors.ts";

/** Codes a display meets that mean its action is already done: never shown. */
const ALREADY_DONE = ["TICKET_ALREADY_BUMPED", "TICKET_NOT_BUMPED"];
/** Codes only the waiter's side (rounds) meets. */
const ROUNDS_ONLY = ["ROUND_ID_REUSED", "ROUND_NOT_FOUND", "ROUND_ALREADY_FIRED"];

test("every kitchen refusal a display can meet is said in each language, on one line of 80 columns", () => {
  const known = new Set([...Object.keys(KitchenError.kinds), ...Object.keys(AuthError.kinds)]);
  for (const code of KDS_REFUSALS) expect(known.has(code)).toBe(true);
  const met = Object.keys(KitchenError.kinds).filter(
    (c) => !ALREADY_DONE.includes(c) && !ROUNDS_ONLY.includes(c),
  );
  for (const code of met) expect(KDS_REFUSALS as readonly string[]).toContain(code);
  for (const lang of KDS_LANGUAGES) {
    const t = KDS_MESSAGES[lang];
    for (const code of KDS_REFUSALS) {
      const text = refusalText(t, code);
      expect(text.length).toBeGreaterThan(0);
      expect(text.length).toBeLessThanOrEqual(80);
      expect(text).not.toContain(code);
    }
    for (const line of [t.keys, t.offline, ...Object.values(t.notices)])
      expect(line.length).toBeLessThanOrEqual(80);
  }
});

test("the display shows a refusal in the cook's language", () => {
  const state = { ...initialKdsState, notice: { key: "refused" as const, detail: "UNKNOWN_STATION" } };
  const { lastFrame, unmount } = render(
    createElement(KdsView, { state, now: Date.now(), t: KDS_MESSAGES.fr }),
  );
  const frame = lastFrame() ?? "";
  expect(frame).toContain("Le magasin n'a pas ce poste");
  for (const line of frame.split("\n")) expect(line.length).toBeLessThanOrEqual(80);
  unmount();
});
