/**
 * How keys reach the till's state: characters typed in a burst (a keyboard-wedge scanner
 * types a code a millisecond a key) reach the input line together, in one command, and a key
 * such as Enter takes what was typed before it at once.
 */
import { afterEach, describe, expect, test } from "bun:test";
import { TillController, TYPED_MERGE_MS } from "../../../src/till/app/controller.ts";
import type { KeyEvent } from "../../../src/till/keys/key-names.ts";
import { buildKeymap } from "../../../src/till/keys/keymap.ts";
import { FakeServices } from "../support/fake-services.ts";
import { waitFor } from "../support/render-till.tsx";

const text = (t: string): KeyEvent => ({ kind: "text", text: t });
const ENTER: KeyEvent = { kind: "key", name: "enter" };

let controller: TillController | undefined;
afterEach(() => {
  controller?.dispose();
  controller = undefined;
});

function till(): { controller: TillController; changes: () => number } {
  controller = new TillController({ services: new FakeServices(), keymap: buildKeymap(), lang: "en" });
  let changes = 0;
  controller.subscribe(() => changes++);
  return { controller, changes: () => changes };
}

describe("typed keys", () => {
  test("characters typed in a burst reach the input line together, once", async () => {
    const { controller, changes } = till();
    for (const char of "1234") controller.key(text(char));
    expect(controller.state.input).toBe("");
    await waitFor(() => controller.state.input === "1234", "the typed characters");
    expect(changes()).toBe(1);
  });

  test("a key typed alone is not held for the next one", async () => {
    const { controller } = till();
    controller.key(text("7"));
    expect(controller.state.input).toBe("");
    await Bun.sleep(TYPED_MERGE_MS);
    await waitFor(() => controller.state.input === "7", "the key");
  });

  test("Enter takes what was typed before it at once, without waiting out the merge", () => {
    const { controller } = till();
    for (const char of "1234") controller.key(text(char));
    controller.key(ENTER);
    // The PIN went with the Enter: the log-in is on its way, the input line is clear.
    expect(controller.state.busy).toBe(true);
    expect(controller.state.input).toBe("");
  });

  test("characters typed after a key are not merged with those before it", async () => {
    const { controller } = till();
    for (const char of "99") controller.key(text(char));
    controller.key({ kind: "key", name: "backspace" });
    controller.key(text("5"));
    await waitFor(() => controller.state.input === "95", "the edited input");
  });
});
