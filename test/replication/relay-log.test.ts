/**
 * The outbox relay's log over a real nats-server: a failure that lasts many retries is logged
 * once and its recovery once, and a link outage is logged as lost once and restored once, with
 * the relay at most one line for each; the journal then reaches the stream in order.
 */
import { afterAll, beforeAll, expect, setDefaultTimeout, test } from "bun:test";
import { jetstreamManager } from "@nats-io/jetstream";
import { uuidv7 } from "../../src/core/ids.ts";
import {
  ensureStream,
  NatsLink,
  STORE_EVENTS_STREAM,
  storeEventsStreamConfig,
} from "../../src/shared/nats/index.ts";
import { OutboxRelay } from "../../src/store-server/replication/outbox-relay.ts";
import { type NatsServerProcess, startNats } from "../support/nats-server.ts";
import { createTestStore, type TestStore } from "../support/store-app.ts";
import { waitFor } from "./support/wait.ts";

setDefaultTimeout(60_000);

/** Counts how often the relay asks for the connection: each session asks at least once. */
class CountingLink extends NatsLink {
  reads = 0;
  override get connection() {
    this.reads++;
    return super.connection;
  }
}

let nats: NatsServerProcess;
let store: TestStore;
let link: CountingLink;
let relay: OutboxRelay;
const lines: string[] = [];

async function ringSales(n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const res = await store.request("POST", "/api/v1/sales", {
      id: uuidv7(),
      tillId: "T1",
      lines: [{ code: "A1", qty: 1 }],
      tenders: [{ type: "cash", amountMinor: 1_000 }],
    });
    expect(res.status).toBe(201);
  }
}

function count(pattern: RegExp): number {
  return lines.filter((l) => pattern.test(l)).length;
}

async function streamMessages(): Promise<number> {
  const nc = await link.ready();
  const jsm = await jetstreamManager(nc);
  return (await jsm.streams.info(STORE_EVENTS_STREAM)).state.messages;
}

beforeAll(async () => {
  nats = await startNats();
  store = createTestStore({ storeId: "S1" });
  const product = await store.request("POST", "/api/v1/products", {
    code: "A1",
    name: "Apple",
    priceMinor: 199,
  });
  expect(product.status).toBeLessThan(300);
  await ringSales(5);
  link = new CountingLink({
    url: nats.url,
    name: "relay log test",
    log: (l) => lines.push(l),
    label: "store S1: replication",
  }).start();
  // Only what the store sends up is of interest: publishing fails until the stream exists.
  relay = new OutboxRelay({
    sqlite: store.ctx.sqlite,
    storeId: "S1",
    link,
    log: (l) => lines.push(l),
  }).start();
});

afterAll(async () => {
  await relay?.stop();
  await link?.close();
  store?.close();
  await nats?.[Symbol.asyncDispose]();
});

test("a failure over many retries is logged once, and its recovery once", async () => {
  await waitFor(() => count(/publishing from event 1 failed/) === 1, "the relay to log the failure");
  const reads = link.reads;
  await waitFor(() => link.reads >= reads + 6, "the relay to retry a few times", 20_000);
  expect(count(/replication: publishing from event \d+ failed/)).toBe(1);
  expect(relay.status().published).toBe(0);

  await ensureStream(await jetstreamManager(await link.ready()), storeEventsStreamConfig());
  await waitFor(() => relay.status().published === relay.status().lastSeq, "the journal to be published");
  expect(count(/replication: publishing again \(up to event \d+\)/)).toBe(1);
  expect(await streamMessages()).toBe(relay.status().lastSeq);
});

test("a link outage is logged as lost once and restored once; the relay catches up", async () => {
  const failedBefore = count(/replication: publishing from event \d+ failed/);
  const againBefore = count(/replication: publishing again/);
  await nats.stop();
  await waitFor(() => link.state === "down", "the link to go down");
  // The shop keeps selling while the link is down, over many reconnect attempts.
  await ringSales(20);
  const reads = link.reads;
  await waitFor(() => link.reads >= reads + 10, "the relay to wait through the outage", 20_000);
  await nats.restart();
  await waitFor(() => link.state === "up", "the link to come back");
  await ringSales(5);
  await waitFor(() => relay.status().published === relay.status().lastSeq, "the relay to catch up");
  expect(await streamMessages()).toBe(relay.status().lastSeq);

  expect(count(/replication: link to NATS \S+ lost/)).toBe(1);
  expect(count(/replication: link to NATS \S+ restored/)).toBe(1);
  const failed = count(/replication: publishing from event \d+ failed/) - failedBefore;
  const again = count(/replication: publishing again/) - againBefore;
  expect(failed).toBeLessThanOrEqual(1);
  expect(again).toBe(failed);
});
