/**
 * Keeps each store's label scales at head office from their `scale.health_reported` events: the
 * latest report per scale (an older report arriving late does not replace a newer one). Runs
 * inside the ingest transaction.
 */
import type { Database, Statement } from "bun:sqlite";
import type { EventPayload, StoreEvent } from "../../core/events.ts";

export class ScaleHealthWriter {
  readonly #upsert: Statement<unknown, [Record<string, string | number | null>]>;

  constructor(sqlite: Database) {
    this.#upsert = sqlite.query(
      `INSERT INTO hq_scale_health (store_id, scale_id, protocol, reachable, state, last_sync_at, plus_sent,
         plus_total, programming, error_code, error_message, reported_at)
       VALUES ($storeId, $scaleId, $protocol, $reachable, $state, $lastSyncAt, $plusSent, $plusTotal,
         $programming, $errorCode, $errorMessage, $at)
       ON CONFLICT (store_id, scale_id) DO UPDATE SET protocol = excluded.protocol,
         reachable = excluded.reachable, state = excluded.state, last_sync_at = excluded.last_sync_at,
         plus_sent = excluded.plus_sent, plus_total = excluded.plus_total, programming = excluded.programming,
         error_code = excluded.error_code, error_message = excluded.error_message,
         reported_at = excluded.reported_at
       WHERE excluded.reported_at >= hq_scale_health.reported_at`,
    );
  }

  apply(event: StoreEvent): void {
    if (event.type !== "scale.health_reported") return;
    const health = event.payload as EventPayload<"scale.health_reported">;
    this.#upsert.run({
      storeId: event.storeId,
      scaleId: health.scaleId,
      protocol: health.protocol,
      reachable: health.reachable ? 1 : 0,
      state: health.state,
      lastSyncAt: health.lastSyncAt,
      plusSent: health.plusSent,
      plusTotal: health.plusTotal,
      programming: health.programming,
      errorCode: health.error?.code ?? null,
      errorMessage: health.error?.message ?? null,
      at: health.at,
    });
  }
}
