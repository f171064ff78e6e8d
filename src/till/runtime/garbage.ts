/**
 * When the till collects garbage, so that neither a scan's frame nor the kiosk's memory pays
 * for it:
 * - a moment after each frame shown at once (a scan, a key that changes the sale), a
 *   young-generation pass (well under a millisecond) while the cashier reaches for the next
 *   item, rather than one the runtime would start in the middle of drawing a later scan;
 * - a full collection after that pass once the heap has grown by HEAP_GROWTH_BYTES
 *   since the last one. The young passes promote what a frame still held (the screen's rows,
 *   the renderer's last output) and each one also resets the runtime's own trigger, so without
 *   this bound the old generation only grows while scans keep coming (the till's memory grew
 *   with every sale of a busy counter);
 * - a full collection that also gives memory back once the keyboard has been quiet a moment.
 */
import { fullGC, heapSize } from "bun:jsc";

/** Quiet keyboard time before the till collects garbage. */
export const COLLECT_AFTER_MS = 1500;
/**
 * Time after a frame shown at once before its garbage is collected: enough for the terminal
 * to take the frame in first, far less than the gap before the next scan.
 */
export const COLLECT_AFTER_FRAME_MS = 5;

/** Heap growth (bytes) after which a frame is followed by a full collection. */
export const HEAP_GROWTH_BYTES = 4 * 1024 * 1024;

/** What the policy runs; the runtime's own by default. */
export interface Collections {
  /** Bytes in the heap now. */
  heapSize(): number;
  /** A young-generation pass. */
  young(): void;
  /** A full collection. */
  full(): void;
  /** A full collection that also sweeps and gives freed memory back. */
  fullAndRelease(): void;
}

const runtime: Collections = {
  heapSize,
  young: () => Bun.gc(false),
  full: () => fullGC(),
  fullAndRelease: () => Bun.gc(true),
};

export class GarbagePolicy {
  /** A full collection follows the next frame once the heap holds more than this. */
  private limit: number | undefined;

  constructor(
    private readonly collections: Collections = runtime,
    private readonly growthBytes = HEAP_GROWTH_BYTES,
  ) {}

  /** A frame the cashier waits for is out. */
  afterFrame(): void {
    this.collections.young();
    const size = this.collections.heapSize();
    if (this.limit === undefined) this.limit = size + this.growthBytes;
    else if (size > this.limit) {
      this.collections.full();
      this.rebase();
    }
  }

  /** The keyboard has been quiet a while. */
  whenQuiet(): void {
    this.collections.fullAndRelease();
    this.rebase();
  }

  private rebase(): void {
    this.limit = this.collections.heapSize() + this.growthBytes;
  }
}
