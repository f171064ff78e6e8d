/**
 * The store's figures for `GET /metrics` (see src/shared/metrics.ts): sales recorded, the
 * journal's head, and with replication the events not yet published and not yet applied at
 * head office; free disk and database size.
 */
import type { Database } from "bun:sqlite";
import { ServerMetrics } from "../shared/metrics.ts";
import type { ReplicationHealth } from "./replication/index.ts";

export function storeMetrics(sqlite: Database, replication?: () => ReplicationHealth): ServerMetrics {
  const sales = sqlite.query<{ n: number }, []>("SELECT count(*) AS n FROM sales");
  const head = sqlite.query<{ seq: number | null }, []>("SELECT max(seq) AS seq FROM events");
  const metrics = new ServerMetrics()
    .counter("ringup_sales_recorded_total", "Sales recorded at this store", () => sales.get()?.n ?? 0)
    .gauge("ringup_journal_last_seq", "Sequence number of the last event in the store's journal", [], () => {
      return head.get()?.seq ?? 0;
    })
    .storage(sqlite);
  if (replication) {
    metrics
      .gauge(
        "ringup_outbox_unpublished_events",
        "Journal events not yet acknowledged by the broker (the outbox depth)",
        [],
        () => {
          const h = replication();
          return Math.max(0, h.lastSeq - h.published);
        },
      )
      .gauge(
        "ringup_outbox_unreplicated_events",
        "Journal events head office has not confirmed applying",
        [],
        () => replication().backlog,
      );
  }
  return metrics;
}
