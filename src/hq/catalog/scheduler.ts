/**
 * Applies scheduled price changes when they come due: wakes at the next due time (and at least
 * every half minute, so a changed clock or a change made by another process is picked up), and
 * at once when told a change was scheduled. Each run is one transaction; the publisher hears of
 * the changes after the commit.
 */
import type { HqContext } from "../context.ts";
import type { PriceService } from "./prices.ts";

const MAX_SLEEP_MS = 30_000;

export class PriceScheduler {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running = false;

  constructor(
    private readonly ctx: HqContext,
    private readonly prices: PriceService,
  ) {}

  start(): void {
    this.running = true;
    this.tick();
  }

  stop(): void {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** A change was scheduled: re-arm for its time. */
  wake(): void {
    if (this.running) this.tick();
  }

  /** Applies what is due now and arms the timer for the next one; answers how many applied. */
  tick(): number {
    let applied = 0;
    let failed = false;
    try {
      applied = this.prices.applyDue(this.ctx.now()).length;
      if (applied > 0) this.ctx.log(`hq: applied ${applied} scheduled price change(s)`);
    } catch (err) {
      failed = true;
      this.ctx.log(
        `hq: applying scheduled prices failed: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
    this.arm(failed);
    return applied;
  }

  /** After a failure, waits the longest sleep instead of retrying a due change in a loop. */
  private arm(failed: boolean): void {
    if (!this.running) return;
    if (this.timer) clearTimeout(this.timer);
    const next = failed ? null : this.prices.nextDueAt();
    const wait =
      next === null
        ? MAX_SLEEP_MS
        : Math.min(MAX_SLEEP_MS, Math.max(0, next.getTime() - this.ctx.now().getTime()));
    this.timer = setTimeout(() => this.tick(), wait);
    this.timer.unref?.();
  }
}
