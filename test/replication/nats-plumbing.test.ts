/**
 * The shared NATS plumbing against a real nats-server: streams and the ingest consumer are
 * created idempotently, the link reports loss and recovery once per transition, and
 * acknowledged publishes leave nothing behind in the client (nats-core is patched so that a
 * settled request leaves without building an error; see patches/).
 */
import { afterAll, beforeAll, describe, expect, setDefaultTimeout, test } from "bun:test";
import { jetstream, jetstreamManager } from "@nats-io/jetstream";
import type { NatsConnection } from "@nats-io/transport-node";
import {
  CATALOG_STREAM,
  catalogStreamConfig,
  ensureDurableConsumer,
  ensureStream,
  INGEST_CONSUMER,
  ingestConsumerConfig,
  NatsLink,
  STORE_EVENTS_STREAM,
  storeEventsStreamConfig,
} from "../../src/shared/nats/index.ts";
import { type NatsServerProcess, startNats } from "../support/nats-server.ts";
import { waitFor } from "./support/wait.ts";

// Real processes: starting them and waiting for replication takes seconds, not milliseconds.
setDefaultTimeout(120_000);

/** Requests the connection still waits on (nats.js keeps them in its request multiplexer). */
function pendingRequests(nc: NatsConnection): number {
  const protocol: unknown = Reflect.get(nc, "protocol");
  const mux: unknown =
    protocol === null || typeof protocol !== "object" ? undefined : Reflect.get(protocol, "muxSubscriptions");
  const reqs: unknown = mux === null || typeof mux !== "object" ? undefined : Reflect.get(mux, "reqs");
  if (!(reqs instanceof Map)) throw new Error("nats.js no longer keeps its requests where this test looks");
  return reqs.size;
}

let nats: NatsServerProcess;
beforeAll(async () => {
  nats = await startNats();
}, 60_000);
afterAll(async () => {
  await nats?.[Symbol.asyncDispose]();
}, 60_000);

describe("NATS plumbing", () => {
  test("streams and the ingest consumer are created once and left alone after", async () => {
    const lines: string[] = [];
    const link = new NatsLink({ url: nats.url, name: "test", log: (l) => lines.push(l), label: "t" }).start();
    try {
      const nc = await link.ready();
      const jsm = await jetstreamManager(nc);
      const first = await ensureStream(jsm, storeEventsStreamConfig());
      const again = await ensureStream(jsm, storeEventsStreamConfig());
      expect(again.created).toBe(first.created);
      expect(again.config.duplicate_window).toBe(120_000_000_000);
      expect(again.config.storage).toBe("file");
      const catalog = await ensureStream(jsm, catalogStreamConfig());
      expect(catalog.config.max_msgs_per_subject).toBe(1);
      await ensureDurableConsumer(jsm, STORE_EVENTS_STREAM, ingestConsumerConfig());
      const consumer = await ensureDurableConsumer(jsm, STORE_EVENTS_STREAM, ingestConsumerConfig());
      expect(consumer.name).toBe(INGEST_CONSUMER);
      expect(consumer.config.ack_policy).toBe("explicit");
      // A setting changed by hand is put back.
      await jsm.streams.update(CATALOG_STREAM, { ...catalog.config, max_msgs_per_subject: 5 });
      const restored = await ensureStream(jsm, catalogStreamConfig());
      expect(restored.config.max_msgs_per_subject).toBe(1);
    } finally {
      await link.close();
    }
  });

  test("the link logs loss and recovery once each, however long the outage", async () => {
    const lines: string[] = [];
    const link = new NatsLink({ url: nats.url, name: "test", log: (l) => lines.push(l), label: "t" }).start();
    try {
      await link.ready();
      expect(link.state).toBe("up");
      await nats.stop();
      await waitFor(() => link.state === "down", "the link to notice the server stopped");
      await nats.restart();
      await waitFor(() => link.state === "up", "the link to come back", 20_000);
      expect(lines.filter((l) => l.includes("lost"))).toHaveLength(1);
      expect(lines.filter((l) => l.includes("restored"))).toHaveLength(1);
    } finally {
      await link.close();
    }
  });

  test("acknowledged publishes settle with their acks and leave no request behind", async () => {
    const link = new NatsLink({ url: nats.url, name: "test", log: () => undefined, label: "t" }).start();
    try {
      const nc = await link.ready();
      const jsm = await jetstreamManager(nc);
      await jsm.streams.add({ name: "PLUMBING", subjects: ["plumbing.>"] });
      const js = jetstream(nc, { timeout: 5_000 });
      const acks = await Promise.all(
        Array.from({ length: 500 }, (_, i) => js.publish("plumbing.sale", `{"n":${i}}`, { msgID: `m-${i}` })),
      );
      expect(acks.map((ack) => ack.seq)).toEqual(Array.from({ length: 500 }, (_, i) => i + 1));
      expect(pendingRequests(nc)).toBe(0);
      // The same ids again are duplicates, answered as such, and also leave nothing behind.
      const again = await Promise.all(
        Array.from({ length: 50 }, (_, i) => js.publish("plumbing.sale", `{"n":${i}}`, { msgID: `m-${i}` })),
      );
      expect(again.every((ack) => ack.duplicate)).toBe(true);
      expect(pendingRequests(nc)).toBe(0);
      // A request nobody answers fails and leaves too.
      await expect(nc.request("nobody.listens", "x", { timeout: 200 })).rejects.toThrow();
      expect(pendingRequests(nc)).toBe(0);
      expect((await jsm.streams.info("PLUMBING")).state.messages).toBe(500);
      await jsm.streams.delete("PLUMBING");
    } finally {
      await link.close();
    }
  });
});
