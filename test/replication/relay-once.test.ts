/**
 * The outbox relay sends each event once while head office keeps up: a real nats-server and a
 * real `ringup hq` process ingest the queued journals of several stores whose relays share
 * this process, and a plain NATS subscriber sees every publish they make, duplicates included
 * (the stream would drop them by message id, hiding the waste). With the relays' process busy,
 * HQ's applied pointer often arrives before the relay has read its own acknowledgements; that
 * must not make a relay read and send again what is already on its way.
 */
import { afterAll, beforeAll, expect, setDefaultTimeout, test } from "bun:test";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Subscription } from "@nats-io/transport-node";
import { NatsLink, STORE_EVENTS_SUBJECTS } from "../../src/shared/nats/index.ts";
import type { StoreContext } from "../../src/store-server/context.ts";
import { OutboxRelay } from "../../src/store-server/replication/outbox-relay.ts";
import { type HqProcess, startHq } from "../support/hq-process.ts";
import { type NatsServerProcess, startNats } from "../support/nats-server.ts";
import { fillJournal } from "../support/replication-journal.ts";
import { waitFor } from "./support/wait.ts";

setDefaultTimeout(180_000);

const STORES = Array.from({ length: 8 }, (_, i) => `R${i + 1}`);
const EVENTS = 750;

interface Shop {
  storeId: string;
  dataDir: string;
  ctx: StoreContext;
  link: NatsLink;
  relay?: OutboxRelay;
}

let nats: NatsServerProcess;
let hq: HqProcess;
let watcher: NatsLink;
let sub: Subscription;
const shops: Shop[] = [];
/** Publishes seen per store and seq. */
const seen = new Map<string, number>();
/** Every publish, repeats included. */
let published = 0;

beforeAll(async () => {
  nats = await startNats();
  hq = await startHq({ nats: nats.url });
  watcher = new NatsLink({
    url: nats.url,
    name: "publish counter",
    log: () => undefined,
    label: "counter",
  }).start();
  const nc = await watcher.ready();
  sub = nc.subscribe(STORE_EVENTS_SUBJECTS, {
    callback: (err, msg) => {
      if (err) return;
      published++;
      const { storeId, seq } = msg.json() as { storeId: string; seq: number };
      const key = `${storeId}/${seq}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
    },
  });
  await nc.flush();
  for (const storeId of STORES) {
    const dataDir = await mkdtemp(join(tmpdir(), "ringup-relay-once-"));
    const ctx = fillJournal(dataDir, storeId, EVENTS);
    const link = new NatsLink({ url: nats.url, name: storeId, log: () => undefined, label: storeId }).start();
    await link.ready();
    shops.push({ storeId, dataDir, ctx, link });
  }
}, 120_000);

afterAll(async () => {
  for (const shop of shops) {
    await shop.relay?.stop();
    await shop.link.close();
    shop.ctx.sqlite.close();
    await rm(shop.dataDir, { recursive: true, force: true });
  }
  sub?.unsubscribe();
  await watcher?.close();
  await hq?.[Symbol.asyncDispose]();
  await nats?.[Symbol.asyncDispose]();
}, 60_000);

test("queued journals reach HQ with each event published exactly once", async () => {
  for (const shop of shops) {
    shop.relay = new OutboxRelay({
      sqlite: shop.ctx.sqlite,
      storeId: shop.storeId,
      link: shop.link,
      log: () => undefined,
    }).start();
  }
  await waitFor(
    () =>
      shops.every((shop) => {
        const status = shop.relay?.status();
        return status?.appliedAtHq === EVENTS && status.published === EVENTS;
      }),
    "HQ to apply every journal",
    120_000,
  );
  await (await watcher.ready()).flush();
  const applied = hq
    .db()
    .query<{ store: string; n: number }, []>(
      "SELECT store_id AS store, count(*) AS n FROM ingested_events GROUP BY store_id ORDER BY store_id",
    )
    .all();
  expect(applied).toEqual(
    STORES.map((store) => ({ store, n: EVENTS })).sort((a, b) => a.store.localeCompare(b.store)),
  );
  expect(seen.size).toBe(STORES.length * EVENTS);
  const repeated = [...seen].filter(([, times]) => times > 1).map(([key]) => key);
  expect(repeated).toEqual([]);
  expect(published).toBe(STORES.length * EVENTS);
});
