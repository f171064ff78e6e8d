/**
 * The scan rehearsed off screen while the till waits for its first cashier
 * (src/till/app/rehearsal.ts): it runs the scan's code through a till of its own, asks the real
 * services for nothing but the till's identity, settings and link status, draws nothing on the
 * real terminal, and gives way as soon as a cashier logs in.
 */
import { describe, expect, test } from "bun:test";
import { TillController } from "../../../src/till/app/controller.ts";
import { type Collections, GarbagePolicy } from "../../../src/till/app/garbage.ts";
import { REHEARSED_SCANS, type RehearsalOptions, rehearse } from "../../../src/till/app/rehearsal.ts";
import { buildKeymap } from "../../../src/till/keys/keymap.ts";
import type { TillServices } from "../../../src/till/services.ts";
import { mountOnStreams } from "../../../src/till/ui/mount.ts";
import { FakeServices } from "../support/fake-services.ts";
import { mountOnFakeTerminal } from "../support/fake-terminal.ts";
import { waitFor } from "../support/render-till.tsx";

/** `real`'s methods, with the name of every one called recorded in `calls`. */
function recording(real: FakeServices): { services: TillServices; calls: Set<string> } {
  const calls = new Set<string>();
  const services = new Proxy(real, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        calls.add(String(property));
        return Reflect.apply(value, target, args);
      };
    },
  });
  return { services, calls };
}

/** A heap that only counts what the policy asked of it. */
class CountedHeap implements Collections {
  readonly calls = { young: 0, full: 0, release: 0 };
  heapSize(): number {
    return 0;
  }
  young(): void {
    this.calls.young++;
  }
  full(): void {
    this.calls.full++;
  }
  fullAndRelease(): void {
    this.calls.release++;
  }
}

function options(services: TillServices, overrides: Partial<RehearsalOptions> = {}): RehearsalOptions {
  return {
    garbage: new GarbagePolicy(new CountedHeap()),
    services,
    keymap: buildKeymap(),
    lang: "en",
    columns: 80,
    rows: 24,
    mount: mountOnStreams,
    goOn: () => true,
    ...overrides,
  };
}

describe("rehearsal", () => {
  test("rehearses the scans and asks the real services for nothing but the till's identity, settings and status", async () => {
    const real = new FakeServices();
    const { services, calls } = recording(real);
    expect(await rehearse(options(services, { scans: 40 }))).toBe(40);
    // No log-in, no lookup, no sale, hold, drawer or report reached the real till's services.
    expect([...calls].filter((name) => !["identity", "settings", "status"].includes(name))).toEqual([]);
    expect(calls.has("settings")).toBe(true);
    expect(real.outbox).toEqual([]);
    expect(real.sent).toEqual([]);
    expect(real.drawerOpenings).toEqual([]);
  });

  test("rehearses the default number of scans when nothing needs the time, then gives its memory back", async () => {
    const heap = new CountedHeap();
    expect(await rehearse(options(new FakeServices(), { garbage: new GarbagePolicy(heap) }))).toBe(
      REHEARSED_SCANS,
    );
    // Its frames are collected after as the real till's are, and what they left once it is over.
    expect(heap.calls.young).toBeGreaterThan(0);
    expect(heap.calls.release).toBe(1);
  }, 30_000); // a few hundred frames on a busy machine

  test("stops between two scans once it is told to give way, and does not start if told at once", async () => {
    let allowed = 5;
    const given = await rehearse(options(new FakeServices(), { goOn: () => allowed-- > 0, scans: 50 }));
    // The first check comes before the till is drawn; the other four each let one scan run.
    expect(given).toBe(4);
    let mounted = false;
    const none = await rehearse(
      options(new FakeServices(), {
        goOn: () => false,
        mount: (controller, streams) => {
          mounted = true;
          return mountOnStreams(controller, streams);
        },
      }),
    );
    expect(none).toBe(0);
    expect(mounted).toBe(false);
  });

  test("a rehearsal that goes wrong ends quietly", async () => {
    const real = new FakeServices();
    const broken = new Proxy(real, {
      get(target, property, receiver) {
        if (property === "settings")
          return () => {
            throw new Error("the settings are unreadable");
          };
        return Reflect.get(target, property, receiver);
      },
    });
    expect(await rehearse(options(broken))).toBe(0);
  });

  test("the real till on its terminal: a cashier logging in at once ends the rehearsal, and the sale is the cashier's alone", async () => {
    const real = new FakeServices();
    const heap = new CountedHeap();
    const garbage = new GarbagePolicy(heap);
    const controller = new TillController({ services: real, keymap: buildKeymap(), lang: "en", garbage });
    const { instance, stdin, written: screen } = mountOnFakeTerminal(controller);
    try {
      const rehearsal = rehearse(options(real, { goOn: () => controller.state.cashier === null, garbage }));
      await waitFor(() => screen().includes("PIN"), "the log-in screen");
      stdin.send("1234\r");
      await waitFor(() => controller.state.screen.kind === "sale", "the sale screen");
      const rehearsed = await rehearsal;
      expect(rehearsed).toBeLessThan(REHEARSED_SCANS);
      // No long collection of the rehearsal's garbage while the cashier starts to scan.
      expect(heap.calls.release).toBe(0);
      stdin.send("2*0001\r");
      await waitFor(() => controller.state.sale.lines.length === 1, "the scanned line");
      await waitFor(() => screen().includes("Milk 1l"), "the line on screen");
      expect(controller.state.sale.lines.map((l) => [l.code, l.qtyMilli])).toEqual([["0001", 2000]]);
      // Nothing the rehearsal drew reached the real terminal.
      expect(screen()).not.toContain("Rehearsed product");
      expect(screen()).not.toContain("Rehearsal");
    } finally {
      instance.unmount();
      controller.dispose();
    }
  });
});
