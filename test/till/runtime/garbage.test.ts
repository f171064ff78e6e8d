/**
 * When the till collects garbage (src/till/runtime/garbage.ts): never while the cashier scans
 * (the runtime's own collector runs then, as much as what is allocated asks for), and a full
 * collection that gives memory back once the keyboard is quiet; mounted as `ringup till`
 * mounts it, the heap stays bounded while scans keep coming.
 */

import { heapSize } from "bun:jsc";
import { describe, expect, test } from "bun:test";
import { TillController } from "../../../src/till/app/controller.ts";
import { buildKeymap } from "../../../src/till/keys/keymap.ts";
import { COLLECT_AFTER_MS, type Collections, GarbagePolicy } from "../../../src/till/runtime/index.ts";
import { FakeServices } from "../support/fake-services.ts";
import { mountOnFakeTerminal } from "../support/fake-terminal.ts";
import { waitFor } from "../support/render-till.tsx";

const MB = 1024 * 1024;

/** What the policy asked of the runtime, in order; each collection also really runs. */
class CountedCollections implements Collections {
  readonly calls: string[] = [];
  fullAndRelease(): void {
    this.calls.push("release");
    Bun.gc(true);
  }
}

/** A mounted till logged in on its sale screen, collecting through `collections`. */
async function loggedIn(collections: Collections) {
  const controller = new TillController({
    services: new FakeServices(),
    keymap: buildKeymap(),
    lang: "en",
    garbage: new GarbagePolicy(collections),
  });
  const mounted = mountOnFakeTerminal(controller, 8_192);
  await waitFor(() => mounted.written().includes("PIN"), "the log-in screen");
  mounted.stdin.send("1234\r");
  await waitFor(() => controller.state.screen.kind === "sale", "the sale screen");
  return {
    ...mounted,
    controller,
    [Symbol.dispose]() {
      mounted.instance.unmount();
      controller.dispose();
    },
  };
}

describe("garbage policy", () => {
  test("scans and their frames collect nothing; a quiet keyboard collects once and gives memory back", async () => {
    const collections = new CountedCollections();
    using till = await loggedIn(collections);
    let lastKey = 0;
    for (let n = 1; n <= 20; n++) {
      till.stdin.send(n % 2 === 0 ? "0001\r" : "0003\r");
      lastKey = performance.now();
      await waitFor(() => till.controller.state.sale.lines.length === n, `scan ${n}`);
    }
    await waitFor(() => till.written().includes("20 Milk 1l"), "the last scan's frame");
    // Every frame is out; the keyboard has not yet been quiet long enough.
    if (performance.now() - lastKey < COLLECT_AFTER_MS) expect(collections.calls).toEqual([]);
    await waitFor(() => collections.calls.length > 0, "the collection of a quiet keyboard", 10_000);
    expect(collections.calls).toEqual(["release"]);
  });

  test("no collection once the till is disposed", async () => {
    const collections = new CountedCollections();
    const till = await loggedIn(collections);
    till.stdin.send("0001\r");
    await waitFor(() => till.controller.state.sale.lines.length === 1, "the scan");
    till[Symbol.dispose]();
    await Bun.sleep(COLLECT_AFTER_MS + 200);
    expect(collections.calls).toEqual([]);
  });

  test("mounted, the till's heap stays bounded while scans keep coming, with no collection of its own", async () => {
    const collections = new CountedCollections();
    using till = await loggedIn(collections);
    const SCANS = 300;
    let start = 0;
    let largest = 0;
    for (let n = 1; n <= SCANS; n++) {
      till.stdin.send(n % 2 === 0 ? "0001\r" : "0003\r");
      await waitFor(() => till.controller.state.sale.lines.length === n, `scan ${n}`);
      if (n === 10) start = heapSize();
      if (n > 10) largest = Math.max(largest, heapSize());
    }
    await waitFor(() => till.written().includes(`${SCANS} Milk 1l`), "the last scan's frame");
    expect(collections.calls).toEqual([]);
    // The runtime's own collector bounds it: a few MB over 300 scans, not a growth per scan.
    expect(largest - start).toBeLessThan(12 * MB);
  }, 60_000);
});
