/**
 * The store looks at its label scales by itself every `scaleHealthMinutes` (0: never), so head
 * office learns that a scale stopped answering without anyone syncing or opening the health view.
 * Each look is `ScaleService.health`: what changed since the last report is journaled.
 */
import type { ScaleService } from "./service.ts";

export class ScaleHealthWatch {
  private timer: ReturnType<typeof setInterval> | null = null;
  private running = false;

  constructor(private readonly service: ScaleService) {}

  /** One look at every scale (a look still under way is not started twice). */
  async check(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      await this.service.health();
    } finally {
      this.running = false;
    }
  }

  schedule(minutes: number, onError: (message: string) => void): void {
    if (minutes <= 0) return;
    this.timer = setInterval(() => {
      this.check().catch((err: unknown) =>
        onError(
          `store: looking at the label scales failed: ${err instanceof Error ? err.message : String(err)}`,
        ),
      );
    }, minutes * 60_000);
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }
}
