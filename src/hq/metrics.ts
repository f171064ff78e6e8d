/**
 * Head office's figures for `GET /metrics` (see src/shared/metrics.ts), per store: the
 * sequence applied, replication lag, open dead letters and the events held back behind them;
 * free disk and database size. Tenant and store ids are the only labels: one series per store
 * of each tenant (docs/tenants.md, "Metrics").
 */
import { ServerMetrics } from "../shared/metrics.ts";
import type { HqContext } from "./context.ts";
import { StoresService } from "./stores/service.ts";
import { DEFAULT_TENANT } from "./tenants/ids.ts";

/** A tenant's database, as the metrics read it. */
export interface TenantContext {
  tenant: string;
  ctx: HqContext;
}

type StoreRow = ReturnType<StoresService["list"]>[number];

/**
 * Head office's metrics for `ctx`'s own tenant, or, given `tenants`, for each tenant it answers
 * at scrape time (the process's scrape: the default tenant and every tenant open beside it).
 */
export function hqMetrics(ctx: HqContext, tenants?: () => Iterable<TenantContext>): ServerMetrics {
  const own: TenantContext = { tenant: ctx.tenant ?? DEFAULT_TENANT, ctx };
  const services = new WeakMap<HqContext, StoresService>();
  const storesOf = (c: HqContext) => {
    let service = services.get(c);
    if (service === undefined) {
      service = new StoresService(c);
      services.set(c, service);
    }
    return service;
  };
  const per = (pick: (s: StoreRow) => number) => () =>
    [...(tenants?.() ?? [own])].flatMap(({ tenant, ctx: c }) => {
      try {
        return storesOf(c)
          .list()
          .map((s) => ({ labels: { tenant, store: s.storeId }, value: pick(s) }));
      } catch {
        // A tenant closed while being read (suspended): left out of this scrape.
        return [];
      }
    });
  return new ServerMetrics()
    .gauge(
      "ringup_store_applied_seq",
      "Highest sequence of each store's journal head office applied without a gap",
      ["tenant", "store"],
      per((s) => s.lastSeq),
    )
    .gauge(
      "ringup_store_replication_lag_seconds",
      "How far head office's copy trails each store, in seconds",
      ["tenant", "store"],
      per((s) => s.lagSeconds),
    )
    .gauge(
      "ringup_store_dead_letters",
      "Open dead letters of each store: messages head office could not apply",
      ["tenant", "store"],
      per((s) => s.deadLetters),
    )
    .gauge(
      "ringup_store_held_back_events",
      "Events of each store parked behind a dead letter or a gap, waiting to be applied in order",
      ["tenant", "store"],
      per((s) => s.heldBack),
    )
    .storage(ctx.sqlite);
}
