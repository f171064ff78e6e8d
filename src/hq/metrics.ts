/**
 * Head office's figures for `GET /metrics` (see src/shared/metrics.ts), per store: the
 * sequence applied, replication lag, open dead letters and the events held back behind them;
 * free disk and database size. Store ids are the only labels: one series per store.
 */
import { ServerMetrics } from "../shared/metrics.ts";
import type { HqContext } from "./context.ts";
import { StoresService } from "./stores/service.ts";

export function hqMetrics(ctx: HqContext): ServerMetrics {
  const stores = new StoresService(ctx);
  const per = (pick: (s: ReturnType<StoresService["list"]>[number]) => number) => () =>
    stores.list().map((s) => ({ labels: { store: s.storeId }, value: pick(s) }));
  return new ServerMetrics()
    .gauge(
      "ringup_store_applied_seq",
      "Highest sequence of each store's journal head office applied without a gap",
      ["store"],
      per((s) => s.lastSeq),
    )
    .gauge(
      "ringup_store_replication_lag_seconds",
      "How far head office's copy trails each store, in seconds",
      ["store"],
      per((s) => s.lagSeconds),
    )
    .gauge(
      "ringup_store_dead_letters",
      "Open dead letters of each store: messages head office could not apply",
      ["store"],
      per((s) => s.deadLetters),
    )
    .gauge(
      "ringup_store_held_back_events",
      "Events of each store parked behind a dead letter or a gap, waiting to be applied in order",
      ["store"],
      per((s) => s.heldBack),
    )
    .storage(ctx.sqlite);
}
