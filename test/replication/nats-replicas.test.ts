/**
 * `--nats-replicas N` (head office): the streams and the durable consumer head office creates
 * get N replicas on a JetStream cluster, existing ones with another count are scaled to it (and
 * the change logged), and a count the servers cannot hold is reported plainly: a single server
 * is not a cluster, and a cluster of three cannot place five replicas.
 */
import { afterAll, beforeAll, describe, expect, setDefaultTimeout, test } from "bun:test";
import { jetstreamManager } from "@nats-io/jetstream";
import { connect, type NatsConnection } from "@nats-io/transport-node";
import { hqOptionsSchema } from "../../src/hq/options.ts";
import {
  CATALOG_STREAM,
  catalogStreamConfig,
  ensureDurableConsumer,
  ensureStream,
  INGEST_CONSUMER,
  ingestConsumerConfig,
  STORE_EVENTS_STREAM,
  storeEventsStreamConfig,
} from "../../src/shared/nats/index.ts";
import { type NatsServerProcess, startNats } from "../support/nats-server.ts";
import { type NatsCluster, startNatsCluster } from "./support/nats-cluster.ts";
import { waitFor } from "./support/wait.ts";

// Real processes: starting them and waiting for replication takes seconds, not milliseconds.
setDefaultTimeout(60_000);

test("--nats-replicas is 1 unless given, and a whole number from 1 to 5", () => {
  expect(hqOptionsSchema.parse({ data: "/tmp/x" }).natsReplicas).toBe(1);
  expect(hqOptionsSchema.parse({ data: "/tmp/x", natsReplicas: "3" }).natsReplicas).toBe(3);
  for (const bad of ["0", "6", "2.5", "three"]) {
    const result = hqOptionsSchema.safeParse({ data: "/tmp/x", natsReplicas: bad });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual([
      "must be a whole number of replicas from 1 to 5 (3 on a cluster of three servers)",
    ]);
  }
});

describe("on a three-node JetStream cluster", () => {
  let cluster: NatsCluster;
  let nc: NatsConnection;
  beforeAll(async () => {
    cluster = await startNatsCluster(3);
    nc = await connect({ servers: cluster.nodes.map((n) => `127.0.0.1:${n.port}`) });
  }, 60_000);
  afterAll(async () => {
    await nc?.close();
    await cluster?.[Symbol.asyncDispose]();
  }, 60_000);

  test("streams and the ingest consumer are created with the count, and scaled when it changes", async () => {
    const jsm = await jetstreamManager(nc);
    const lines: string[] = [];
    const log = (line: string) => lines.push(line);
    const events = await ensureStream(jsm, storeEventsStreamConfig(1), log);
    expect(events.config.num_replicas).toBe(1);
    const consumer1 = await ensureDurableConsumer(jsm, STORE_EVENTS_STREAM, ingestConsumerConfig(1), log);
    expect(consumer1.config.num_replicas).toBe(1);
    expect(lines).toEqual([]);

    const scaled = await ensureStream(jsm, storeEventsStreamConfig(3), log);
    expect(scaled.config.num_replicas).toBe(3);
    const consumer3 = await ensureDurableConsumer(jsm, STORE_EVENTS_STREAM, ingestConsumerConfig(3), log);
    expect(consumer3.config.num_replicas).toBe(3);
    expect(lines).toEqual([
      `stream ${STORE_EVENTS_STREAM} had 1 replica(s); now 3 (--nats-replicas)`,
      `consumer ${INGEST_CONSUMER} had 1 replica(s); now 3 (--nats-replicas)`,
    ]);
    // The cluster places them on all three servers: a leader and two followers.
    const placed = (c: { leader?: string; replicas?: { name: string }[] } | undefined) =>
      c?.leader !== undefined && c.replicas?.length === 2 && !c.replicas.some((r) => r.name === c.leader);
    await waitFor(
      async () => placed((await cluster.streamInfo(STORE_EVENTS_STREAM)).cluster),
      "three replicas of the stream",
    );
    await waitFor(
      async () => placed((await jsm.consumers.info(STORE_EVENTS_STREAM, INGEST_CONSUMER)).cluster),
      "three replicas of the consumer",
    );

    const catalog = await ensureStream(jsm, catalogStreamConfig(3), log);
    expect(catalog.config.num_replicas).toBe(3);
    await waitFor(
      async () => placed((await cluster.streamInfo(CATALOG_STREAM)).cluster),
      "three replicas of the catalog",
    );
  });

  test("more replicas than servers is refused with the reason", async () => {
    const jsm = await jetstreamManager(nc);
    const attempt = ensureStream(jsm, {
      ...catalogStreamConfig(5),
      name: "RINGUP_TEST_R5",
      subjects: ["test.r5.>"],
    });
    await expect(attempt).rejects.toThrow(
      "stream RINGUP_TEST_R5: --nats-replicas 5 needs at least 5 JetStream servers in the NATS cluster (the server says: no suitable peers for placement)",
    );
  });
});

describe("on a single server", () => {
  let nats: NatsServerProcess;
  let nc: NatsConnection;
  beforeAll(async () => {
    nats = await startNats();
    nc = await connect({ servers: `127.0.0.1:${nats.port}` });
  }, 60_000);
  afterAll(async () => {
    await nc?.close();
    await nats?.[Symbol.asyncDispose]();
  }, 60_000);

  const notACluster = `stream ${STORE_EVENTS_STREAM}: --nats-replicas 3 needs a NATS cluster, and the server is not part of one: give --nats-replicas 1, or run a cluster (docs/replication.md)`;

  test("creating a stream with replicas is refused plainly", async () => {
    const jsm = await jetstreamManager(nc);
    await expect(ensureStream(jsm, storeEventsStreamConfig(3))).rejects.toThrow(notACluster);
  });

  test("an existing stream is not told it has replicas it cannot have", async () => {
    const jsm = await jetstreamManager(nc);
    await ensureStream(jsm, storeEventsStreamConfig(1));
    await expect(ensureStream(jsm, storeEventsStreamConfig(3))).rejects.toThrow(notACluster);
    expect((await jsm.streams.info(STORE_EVENTS_STREAM)).config.num_replicas).toBe(1);
  });
});
