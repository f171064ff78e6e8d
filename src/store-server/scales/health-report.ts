/**
 * Each label scale's health journaled as `scale.health_reported`, so head office shows every
 * store's scales: after each sync and whenever a look at the scales finds something changed
 * (the same health is not journaled twice in a row).
 */
import type { ScaleHealth } from "../../api/store/scales.ts";
import type { StoreContext } from "../context.ts";
import { appendEvent } from "../journal/journal.ts";

export class ScaleHealthReporter {
  /** Scale id → what was last journaled of it (without the time). */
  private readonly last = new Map<string, string>();

  constructor(private readonly ctx: StoreContext) {}

  report(health: ScaleHealth): void {
    const payload = {
      scaleId: health.id,
      protocol: health.protocol,
      reachable: health.reachable,
      state: health.state === null ? null : health.state.slice(0, 64),
      lastSyncAt: health.lastSyncAt,
      plusSent: health.plusSent,
      plusTotal: health.plusTotal,
      programming: health.programming,
      error:
        health.error === null
          ? null
          : { code: health.error.code, message: health.error.message.slice(0, 500) },
    };
    const fingerprint = JSON.stringify(payload);
    if (this.last.get(health.id) === fingerprint) return;
    const at = this.ctx.now();
    this.ctx.db.transaction((tx) =>
      appendEvent(tx, this.ctx.storeId, "scale.health_reported", { ...payload, at: at.toISOString() }, at),
    );
    this.last.set(health.id, fingerprint);
  }
}
