/**
 * Head office's side of replication over NATS JetStream (`ringup hq --nats URL`): one link,
 * the ingest consumer (store events up) and the catalog publisher (changes down), which
 * replaces the context's publisher so every committed catalog change wakes it.
 */
import { NatsLink } from "../../shared/nats/index.ts";
import type { HqContext } from "../context.ts";
import { type DeadLetterDesk, deadLetterDesk, IngestConsumer } from "../ingest/index.ts";
import { NatsCatalogPublisher } from "./catalog-publisher.ts";

export { NatsCatalogPublisher } from "./catalog-publisher.ts";

export interface HqReplicationHandle {
  /** The link's state for /health. */
  state(): string;
  /** Retries and discards dead letters through the running ingest. */
  deadLetters: DeadLetterDesk;
  stop(): Promise<void>;
}

export async function startHqReplication(
  ctx: HqContext,
  nats: {
    url: string;
    credsPath: string;
    /** Replicas of the streams and the ingest consumer (`--nats-replicas`, default 1). */
    replicas?: number;
  },
): Promise<HqReplicationHandle> {
  const replicas = nats.replicas ?? 1;
  const link = new NatsLink({
    url: nats.url,
    credsPath: nats.credsPath,
    name: "ringup hq",
    log: ctx.log,
    label: "hq: replication",
  }).start();
  const ingest = new IngestConsumer({
    sqlite: ctx.sqlite,
    now: ctx.now,
    link,
    log: ctx.log,
    replicas,
  }).start();
  const publisher = new NatsCatalogPublisher(ctx, link, replicas).start();
  ctx.publisher = publisher;
  return {
    state: () => link.state,
    deadLetters: deadLetterDesk(ctx.sqlite, ingest.ingestor, (storeIds) => ingest.announce(storeIds)),
    async stop() {
      await Promise.all([ingest.stop(), publisher.stop()]);
      await link.close();
    },
  };
}
