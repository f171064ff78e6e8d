/**
 * The till draws what a person can see: keys that only type into the input line (a scanner's
 * burst, read key by key) share a frame, while the state follows every key and a key that does
 * more than type (the scan's Enter) is drawn at once.
 */
import { afterEach, describe, expect, test } from "bun:test";
import { TillController, TYPED_FRAME_MAX_MS, TYPED_QUIET_MS } from "../../../src/till/app/controller.ts";
import { buildKeymap } from "../../../src/till/keys/keymap.ts";
import { FakeServices } from "../support/fake-services.ts";
import { mountOnFakeTerminal } from "../support/fake-terminal.ts";
import { waitFor } from "../support/render-till.tsx";

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  cleanup = undefined;
});

async function loggedIn() {
  const controller = new TillController({ services: new FakeServices(), keymap: buildKeymap(), lang: "en" });
  const till = mountOnFakeTerminal(controller);
  cleanup = () => {
    till.instance.unmount();
    controller.dispose();
  };
  await waitFor(() => till.written().includes("PIN"), "the log-in screen");
  till.stdin.send("1234\r");
  await waitFor(() => till.written().includes("Hello"), "the sale screen");
  let draws = 0;
  controller.subscribe(() => draws++);
  return { controller, ...till, draws: () => draws };
}

describe("frames of typed keys", () => {
  test("a scanner's burst read key by key is drawn once, and its Enter at once", async () => {
    const till = await loggedIn();
    for (const char of "000") till.stdin.send(char);
    expect(till.draws()).toBe(0);
    await waitFor(() => till.draws() === 1, "the typed keys' frame");
    till.stdin.send("1");
    // Every key is in the state at once; the screen is asked to draw them together, and the
    // Enter draws the last one with the scan.
    expect(till.draws()).toBe(1);
    expect(till.controller.state.input).toBe("0001");
    till.stdin.send("\r");
    expect(till.draws()).toBeGreaterThan(1);
    await waitFor(() => till.written().includes("1 Milk 1l"), "the scanned line");
  });

  test("a scanner's burst spread over several reads a few ms apart is drawn only with its Enter", async () => {
    const till = await loggedIn();
    const code = "09506000134352";
    const sent: number[] = [];
    for (const char of code) {
      till.stdin.send(char);
      sent.push(performance.now());
      await Bun.sleep(2);
    }
    const gaps = sent.slice(1).map((at, i) => at - (sent[i] ?? at));
    const drawsBeforeEnter = till.draws();
    till.stdin.send("\r");
    await waitFor(() => till.written().includes("1 Eye drops"), "the scanned line");
    // A machine too busy to keep the burst's pace turns it into slow typing, which is drawn.
    if (Math.max(...gaps) < TYPED_QUIET_MS && (sent.at(-1) ?? 0) - (sent[0] ?? 0) < TYPED_FRAME_MAX_MS)
      expect(drawsBeforeEnter).toBe(0);
  });

  test("keys typed on and on are drawn at least every TYPED_FRAME_MAX_MS", async () => {
    const till = await loggedIn();
    const start = performance.now();
    // Faster than the quiet wait, for longer than the longest a typed key waits.
    while (performance.now() - start < TYPED_FRAME_MAX_MS * 3) {
      till.stdin.send("1");
      await Bun.sleep(TYPED_QUIET_MS / 4);
    }
    expect(till.draws()).toBeGreaterThanOrEqual(2);
  });

  test("a key typed alone reaches the screen", async () => {
    const till = await loggedIn();
    till.clear();
    till.stdin.send("7");
    await waitFor(() => till.written().includes("7"), "the typed key");
    expect(till.draws()).toBe(1);
  });
});
