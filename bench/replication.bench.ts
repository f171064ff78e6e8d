/**
 * Store → HQ replication over a real nats-server (JetStream, file storage) with a real
 * `ringup hq` process:
 * - baseline: raw JetStream acknowledged publishes of sale-sized messages to the same server,
 *   pipelined 256 at a time (what the relay does, without a database on either side), on the
 *   relay's own client settings: the median of three timed rounds after a warm-up round;
 * - steady-state lag: two real `ringup store` processes selling at a shop's busy rate; the lag
 *   of each sale is HQ's applied time minus the store's event time (same machine clock);
 * - catch-up: a store with 10,000 sales queued during an outage; time from the broker's
 *   return until HQ has applied them all;
 * - HQ ingest: 20 stores (the real outbox relay, each on its own store database and
 *   connection) publishing 1,500 queued sales each at once; time until HQ applied them all.
 *
 * The throughput cases also report each process's CPU time per event (from /proc), which is
 * what bounds them on a small machine: the publisher or relays (this process), HQ and nats-server.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { jetstream, jetstreamManager, StorageType } from "@nats-io/jetstream";
import { canonicalJson } from "../src/core/events.ts";
import { uuidv7 } from "../src/core/ids.ts";
import { NatsLink } from "../src/shared/nats/index.ts";
import { OutboxRelay } from "../src/store-server/replication/outbox-relay.ts";
import { type HqProcess, startHq } from "../test/support/hq-process.ts";
import { type NatsServerProcess, startNats } from "../test/support/nats-server.ts";
import { fillJournal, salePayload } from "../test/support/replication-journal.ts";
import { type StoreProcess, seedProducts, startStore } from "../test/support/store-process.ts";
import { type BenchCase, type BenchResult, type BenchSuite, quantile } from "./harness.ts";
import { cpuSplit } from "./support/process-cpu.ts";

const RAW = "baseline: raw JetStream acked publish, pipelined";
const LAG = "replication: steady lag store→HQ, 2 stores";
const CATCH_UP = "replication: catch-up, 10,000 queued sales";
const INGEST = "replication: HQ ingest, 20 stores at once";
const RAW_MESSAGES = 20_000;
const RAW_ROUNDS = 3;
const WINDOW = 256;
const LAG_SECONDS = 20;
const LAG_SALES_PER_SECOND = 5;
const QUEUED = 10_000;
const STORES = 20;
const PER_STORE = 1_500;

function throughput(
  name: string,
  ops: number,
  wallMs: number,
  extra: Record<string, number> = {},
): BenchResult {
  return {
    name,
    ops,
    opsPerSec: ops / (wallMs / 1000),
    meanMs: wallMs / ops,
    p50Ms: Number.NaN,
    p99Ms: Number.NaN,
    extra: { seconds: wallMs / 1000, ...extra },
  };
}

async function until(check: () => boolean, what: string, timeoutMs = 600_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`bench: timed out waiting for ${what}`);
    await Bun.sleep(10);
  }
}

function appliedAt(hq: HqProcess, storeIds: readonly string[]): number {
  const marks = storeIds.map(() => "?").join(",");
  return (
    hq
      .db()
      .query<{ n: number | null }, string[]>(
        `SELECT sum(last_seq) AS n FROM store_replication WHERE store_id IN (${marks})`,
      )
      .get(...storeIds)?.n ?? 0
  );
}

/** Sale-sized event bodies, as the relay sends them. */
function sampleBodies(n: number): string[] {
  return Array.from({ length: n }, (_, i) => {
    const at = new Date().toISOString();
    return canonicalJson({
      id: uuidv7(),
      storeId: "RAW",
      seq: i + 1,
      type: "sale.completed",
      version: 1,
      at,
      payload: salePayload("RAW", i, at),
      prevHash: "0".repeat(64),
      hash: "0".repeat(64),
    });
  });
}

async function rawPublish(nats: NatsServerProcess): Promise<BenchResult> {
  // The same client and connection settings as the relay's (NatsLink).
  const link = new NatsLink({
    url: nats.url,
    name: "raw baseline",
    log: () => undefined,
    label: "raw",
  }).start();
  try {
    const nc = await link.ready();
    const jsm = await jetstreamManager(nc);
    await jsm.streams.add({ name: "BENCH_RAW", subjects: ["bench.raw.>"], storage: StorageType.File });
    const js = jetstream(nc);
    const bodies = sampleBodies(RAW_MESSAGES);
    const publishAll = async (round: string) => {
      for (let i = 0; i < bodies.length; i += WINDOW) {
        await Promise.all(
          bodies
            .slice(i, i + WINDOW)
            .map((body, k) => js.publish("bench.raw.sale", body, { msgID: `raw-${round}-${i + k}` })),
        );
      }
    };
    // A warm-up round first: the relay and HQ it is compared with run warm, so does the client.
    await publishAll("warm-up");
    // Then the median of a few rounds: one short round can land on a stall of the machine.
    const split = cpuSplit("publisher", { nats: nats.pid });
    const walls: number[] = [];
    for (let round = 0; round < RAW_ROUNDS; round++) {
      const start = performance.now();
      await publishAll(`timed-${round}`);
      walls.push(performance.now() - start);
    }
    const cpu = split(RAW_MESSAGES * RAW_ROUNDS);
    await jsm.streams.delete("BENCH_RAW");
    walls.sort((a, b) => a - b);
    const rate = (ms: number) => RAW_MESSAGES / (ms / 1000);
    return throughput(RAW, RAW_MESSAGES, walls[Math.floor(RAW_ROUNDS / 2)] ?? Number.NaN, {
      bytes: bodies[0]?.length ?? 0,
      slowestRoundPerSec: rate(walls[walls.length - 1] ?? Number.NaN),
      fastestRoundPerSec: rate(walls[0] ?? Number.NaN),
      ...cpu,
    });
  } finally {
    await link.close();
  }
}

async function steadyLag(
  nats: NatsServerProcess,
  hq: HqProcess,
  stores: StoreProcess[],
): Promise<BenchResult> {
  const ids = ["L1", "L2"];
  const started = await Promise.all(
    ids.map((storeId) => startStore({ storeId, args: ["--nats", nats.url] })),
  );
  stores.push(...started);
  const products = [
    { code: "1001", name: "Oat milk", priceMinor: 249, taxClass: "1" },
    { code: "2040", name: "Sourdough", priceMinor: 525, taxClass: null },
  ];
  for (const store of started) await seedProducts(store, products);
  const interval = 1000 / LAG_SALES_PER_SECOND;
  const since = new Date().toISOString();
  await Promise.all(
    started.map(async (store, s) => {
      const end = performance.now() + LAG_SECONDS * 1000;
      for (let i = 0; performance.now() < end; i++) {
        const t0 = performance.now();
        const res = await store.api("/api/v1/sales", {
          method: "POST",
          body: JSON.stringify({
            id: uuidv7(),
            tillId: `T${s}`,
            lines: [{ code: "1001", qty: 1 + (i % 3) }, { code: "2040" }],
            tenders: [{ type: "cash", amountMinor: 5_000 }],
          }),
        });
        if (res.status !== 201) throw new Error(`sale failed: ${res.status} ${await res.text()}`);
        const left = interval - (performance.now() - t0);
        if (left > 0) await Bun.sleep(left);
      }
    }),
  );
  const db = hq.db();
  const total = () =>
    db
      .query<{ n: number }, [string]>(
        "SELECT count(*) AS n FROM ingested_events WHERE type = 'sale.completed' AND store_id IN ('L1','L2') AND at >= ?1",
      )
      .get(since)?.n ?? 0;
  const rung = started.length * Math.floor(LAG_SECONDS * LAG_SALES_PER_SECOND);
  await until(() => total() >= rung - started.length, "the lag sales at HQ", 60_000);
  const lags = db
    .query<{ at: string; appliedAt: string }, [string]>(
      `SELECT at, applied_at AS appliedAt FROM ingested_events
       WHERE type = 'sale.completed' AND store_id IN ('L1','L2') AND at >= ?1`,
    )
    .all(since)
    .map((r) => Date.parse(r.appliedAt) - Date.parse(r.at))
    .sort((a, b) => a - b);
  return {
    name: LAG,
    ops: lags.length,
    opsPerSec: lags.length / LAG_SECONDS,
    meanMs: lags.reduce((a, b) => a + b, 0) / Math.max(1, lags.length),
    p50Ms: quantile(lags, 0.5),
    p99Ms: quantile(lags, 0.99),
    extra: { maxMs: lags.at(-1) ?? Number.NaN },
  };
}

async function catchUp(nats: NatsServerProcess, hq: HqProcess, stores: StoreProcess[], dirs: string[]) {
  const dataDir = await mkdtemp(join(tmpdir(), "ringup-bench-catchup-"));
  dirs.push(dataDir);
  fillJournal(dataDir, "C1", QUEUED).sqlite.close();
  await nats.stop();
  const store = await startStore({ storeId: "C1", dataDir, args: ["--nats", nats.url] });
  stores.push(store);
  await nats.restart();
  const start = performance.now();
  await until(() => appliedAt(hq, ["C1"]) >= QUEUED, "HQ to apply the queued sales");
  return throughput(CATCH_UP, QUEUED, performance.now() - start);
}

async function ingest(nats: NatsServerProcess, hq: HqProcess, dirs: string[]): Promise<BenchResult> {
  const ids = Array.from({ length: STORES }, (_, i) => `I${String(i + 1).padStart(2, "0")}`);
  const opened = await Promise.all(
    ids.map(async (storeId) => {
      const dir = await mkdtemp(join(tmpdir(), "ringup-bench-ingest-"));
      dirs.push(dir);
      return { storeId, ctx: fillJournal(dir, storeId, PER_STORE) };
    }),
  );
  const links: NatsLink[] = [];
  const relays: OutboxRelay[] = [];
  try {
    for (const { storeId } of opened) {
      const link = new NatsLink({
        url: nats.url,
        name: storeId,
        log: () => undefined,
        label: storeId,
      }).start();
      links.push(link);
      await link.ready();
    }
    const split = cpuSplit("relays", { hq: hq.pid, nats: nats.pid });
    const start = performance.now();
    opened.forEach(({ storeId, ctx }, i) => {
      const link = links[i] as NatsLink;
      relays.push(new OutboxRelay({ sqlite: ctx.sqlite, storeId, link, log: () => undefined }).start());
    });
    await until(() => appliedAt(hq, ids) >= STORES * PER_STORE, "HQ to ingest every store's sales");
    const wallMs = performance.now() - start;
    return throughput(INGEST, STORES * PER_STORE, wallMs, split(STORES * PER_STORE));
  } finally {
    await Promise.all(relays.map((r) => r.stop()));
    await Promise.all(links.map((l) => l.close()));
    for (const { ctx } of opened) ctx.sqlite.close();
  }
}

export default async function replicationBench(): Promise<BenchSuite> {
  const nats = await startNats();
  const stores: StoreProcess[] = [];
  const dirs: string[] = [];
  let hq: HqProcess;
  try {
    hq = await startHq({ nats: nats.url });
  } catch (err) {
    await nats[Symbol.asyncDispose]();
    throw err;
  }
  const teardown = async () => {
    for (const store of stores) await store[Symbol.asyncDispose]();
    await hq[Symbol.asyncDispose]();
    await nats[Symbol.asyncDispose]();
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  };
  const cases: BenchCase[] = [
    { name: RAW, measure: () => rawPublish(nats) },
    { name: LAG, goal: "p99 < 1,000 ms", measure: () => steadyLag(nats, hq, stores) },
    {
      name: CATCH_UP,
      goal: "≥ 2,000 sales/s",
      baseline: RAW,
      measure: () => catchUp(nats, hq, stores, dirs),
    },
    {
      name: INGEST,
      goal: "≥ 5,000 events/s, ≤ 3x raw",
      baseline: RAW,
      measure: () => ingest(nats, hq, dirs),
    },
  ];
  return { cases, teardown };
}
