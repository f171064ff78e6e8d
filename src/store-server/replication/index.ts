/**
 * Replication of a store with head office over NATS JetStream (`ringup store --nats URL`):
 * the outbox relay sends the journal up, the catalog subscriber brings catalog, prices, users
 * and settings down, and `/health` shows the link, the pointers and the backlog.
 */

import type { Divergence } from "../../api/hq/store-journal.ts";
import { NatsLink, storeInboxPrefix } from "../../shared/nats/index.ts";
import type { StoreContext } from "../context.ts";
import { applyStoredSettings } from "./apply-change.ts";
import { CatalogSubscriber } from "./catalog-subscriber.ts";
import { DivergenceWatch } from "./divergence.ts";
import { OutboxRelay } from "./outbox-relay.ts";

export interface StoreReplicationOptions {
  url: string;
  credsPath?: string | undefined;
  log: (line: string) => void;
  /** How long HQ may stay behind the published pointer before publishing again (ms). */
  stallMs?: number;
  /** Told when the journal diverges from head office's copy, or matches it again. */
  onDivergence?: (diverged: Divergence | null) => void;
}

export interface ReplicationHealth {
  link: string;
  /** Highest journal sequence JetStream acknowledged. */
  published: number;
  /** Highest journal sequence HQ reports applied (null until it has said). */
  appliedAtHq: number | null;
  /** Journal events HQ has not confirmed applying. */
  backlog: number;
  lastSeq: number;
  /** Highest HQ catalog change applied here. */
  catalogSeq: number;
  /** Set while the journal is behind or forked from what HQ applied: what, since when, the fix. */
  diverged: Divergence | null;
}

export interface StoreReplication {
  health(): ReplicationHealth;
  stop(): Promise<void>;
}

export function startStoreReplication(ctx: StoreContext, options: StoreReplicationOptions): StoreReplication {
  applyStoredSettings(ctx);
  const link = new NatsLink({
    url: options.url,
    credsPath: options.credsPath,
    name: `ringup store ${ctx.storeId}`,
    inboxPrefix: storeInboxPrefix(ctx.storeId),
    log: options.log,
    label: `store ${ctx.storeId}: replication`,
  }).start();
  const divergence = new DivergenceWatch(ctx.sqlite, ctx.storeId, options.log, ctx.now, options.onDivergence);
  const relay = new OutboxRelay({
    sqlite: ctx.sqlite,
    storeId: ctx.storeId,
    link,
    log: options.log,
    onApplied: (pointer) => divergence.check(pointer),
    ...(options.stallMs === undefined ? {} : { stallMs: options.stallMs }),
  }).start();
  const catalog = new CatalogSubscriber({ ctx, link, log: options.log }).start();
  return {
    health() {
      const status = relay.status();
      return {
        link: link.state,
        published: status.published,
        appliedAtHq: status.appliedAtHq,
        backlog: status.backlog,
        lastSeq: status.lastSeq,
        catalogSeq: catalog.appliedSeq(),
        diverged: divergence.current,
      };
    },
    async stop() {
      await Promise.all([relay.stop(), catalog.stop()]);
      await link.close();
    },
  };
}
