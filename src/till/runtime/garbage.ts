/**
 * When the till collects garbage: the runtime's own collector runs while the cashier scans (as
 * often as what is allocated asks for), and the till adds only a full collection that also
 * gives memory back once the keyboard has been quiet a moment, so a kiosk with little memory
 * gets back what drawing the screen left behind, never while the cashier types.
 *
 * The till once added a young-generation pass after every frame the cashier waited for, and a
 * full one after every few MB of growth: each pass marks from the roots whatever the heap holds,
 * so it cost as much main-thread CPU as drawing the scan itself, and on a kiosk's slice of a
 * core a scan waited for that CPU (docs/till-runtime.md).
 */

/** Quiet keyboard time before the till collects garbage. */
export const COLLECT_AFTER_MS = 1500;

/** What the policy runs; the runtime's own by default. */
export interface Collections {
  /** A full collection that also sweeps and gives freed memory back. */
  fullAndRelease(): void;
}

const runtime: Collections = {
  fullAndRelease: () => Bun.gc(true),
};

export class GarbagePolicy {
  constructor(private readonly collections: Collections = runtime) {}

  /** The keyboard has been quiet a while. */
  whenQuiet(): void {
    this.collections.fullAndRelease();
  }
}
