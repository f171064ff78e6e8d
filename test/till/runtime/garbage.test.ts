/**
 * When the till collects garbage (src/till/runtime/garbage.ts): a young pass after each frame the
 * cashier waits for, a full collection once the heap has grown by a set amount, and one when
 * the keyboard is quiet; mounted as `ringup till` mounts it, the heap stays bounded while
 * scans keep coming.
 */

import { heapSize } from "bun:jsc";
import { describe, expect, test } from "bun:test";
import { TillController } from "../../../src/till/app/controller.ts";
import { buildKeymap } from "../../../src/till/keys/keymap.ts";
import { type Collections, GarbagePolicy } from "../../../src/till/runtime/index.ts";
import { FakeServices } from "../support/fake-services.ts";
import { mountOnFakeTerminal } from "../support/fake-terminal.ts";
import { waitFor } from "../support/render-till.tsx";

const MB = 1024 * 1024;

/** A heap whose size the test sets, and what the policy asked of it. */
class ScriptedHeap implements Collections {
  size = 0;
  /** The size a full collection leaves. */
  live = 0;
  readonly calls: string[] = [];
  heapSize(): number {
    return this.size;
  }
  young(): void {
    this.calls.push("young");
  }
  full(): void {
    this.calls.push("full");
    this.size = this.live;
  }
  fullAndRelease(): void {
    this.calls.push("release");
    this.size = this.live;
  }
}

describe("garbage policy", () => {
  test("a young pass follows every frame; a full one only once the heap has grown past the bound", () => {
    const heap = new ScriptedHeap();
    const policy = new GarbagePolicy(heap, 10 * MB);
    heap.size = 40 * MB;
    heap.live = 38 * MB;
    policy.afterFrame(); // the first frame sets the bound: 50 MB
    heap.size = 50 * MB;
    policy.afterFrame();
    expect(heap.calls).toEqual(["young", "young"]);
    heap.size = 50 * MB + 1;
    policy.afterFrame();
    expect(heap.calls).toEqual(["young", "young", "young", "full"]);
    // The bound now counts from what the full collection left: 38 + 10 MB.
    heap.size = 48 * MB;
    policy.afterFrame();
    heap.size = 48 * MB + 1;
    policy.afterFrame();
    expect(heap.calls.filter((c) => c === "full")).toHaveLength(2);
  });

  test("a quiet keyboard collects and gives memory back, and the bound counts from there", () => {
    const heap = new ScriptedHeap();
    const policy = new GarbagePolicy(heap, 10 * MB);
    heap.size = 60 * MB;
    policy.afterFrame(); // bound 70 MB
    heap.live = 30 * MB;
    policy.whenQuiet(); // bound 40 MB
    heap.size = 45 * MB;
    policy.afterFrame();
    expect(heap.calls).toEqual(["young", "release", "young", "full"]);
  });

  test("the controller collects a moment after a frame, once for frames close together, never once disposed", async () => {
    const heap = new ScriptedHeap();
    const controller = new TillController({
      services: new FakeServices(),
      keymap: buildKeymap(),
      lang: "en",
      garbage: new GarbagePolicy(heap, 10 * MB),
    });
    controller.frameShown();
    controller.frameShown();
    expect(heap.calls).toEqual([]); // not while the terminal takes the frame in
    await waitFor(() => heap.calls.length > 0, "the collection after the frame");
    await Bun.sleep(30);
    expect(heap.calls).toEqual(["young"]);
    controller.frameShown();
    controller.dispose();
    await Bun.sleep(30);
    expect(heap.calls).toEqual(["young"]);
  });

  test("mounted, the till collects after each scan's frame and its heap stays bounded", async () => {
    const GROWTH = 2 * MB;
    const counted = { young: 0, full: 0 };
    const runtime: Collections = {
      heapSize,
      young: () => {
        counted.young++;
        Bun.gc(false);
      },
      full: () => {
        counted.full++;
        Bun.gc(true);
      },
      fullAndRelease: () => Bun.gc(true),
    };
    const controller = new TillController({
      services: new FakeServices(),
      keymap: buildKeymap(),
      lang: "en",
      garbage: new GarbagePolicy(runtime, GROWTH),
    });
    const { instance, stdin, written: screen } = mountOnFakeTerminal(controller, 8_192);
    try {
      await waitFor(() => screen().includes("PIN"), "the log-in screen");
      stdin.send("1234\r");
      await waitFor(() => controller.state.screen.kind === "sale", "the sale screen");
      const SCANS = 300;
      let start = 0;
      let largest = 0;
      for (let n = 1; n <= SCANS; n++) {
        stdin.send(n % 2 === 0 ? "0001\r" : "0003\r");
        await waitFor(() => counted.young >= n, `the frame of scan ${n}`);
        // Right after the frame's collections: what the heap holds between two scans.
        if (n === 10) start = heapSize();
        if (n > 10) largest = Math.max(largest, heapSize());
      }
      expect(controller.state.sale.lines).toHaveLength(SCANS);
      expect(screen()).toContain(`${SCANS} Milk 1l`);
      // Young passes alone let the old generation grow by about 18 MB over these scans.
      expect(counted.full).toBeGreaterThan(0);
      expect(largest - start).toBeLessThan(GROWTH + 6 * MB);
    } finally {
      instance.unmount();
      controller.dispose();
    }
  }, 60_000); // 300 scans, each waiting for its frame and its collection: seconds on a busy machine
});
