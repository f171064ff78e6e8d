/**
 * NATS as a cluster: three nats-server processes on loopback (routes between them, JetStream
 * with a store dir each), head office with `--nats-replicas 3` and two stores given the three
 * servers' URLs. During steady sales the store events stream's leader is killed (kill -9); a
 * new leader takes over and ingest goes on. Then a second server is killed: one of three is no
 * quorum, so nothing is stored, while the shops sell on. One server comes back, the stream has
 * its quorum again, and every sale ends at head office exactly once with head office's figures
 * equal to the stores'; a price changed at head office afterwards still reaches both stores.
 */
import { afterAll, beforeAll, expect, setDefaultTimeout, test } from "bun:test";
import { CATALOG_STREAM, INGEST_CONSUMER, STORE_EVENTS_STREAM } from "../../src/shared/nats/index.ts";
import { startHq } from "../support/hq-process.ts";
import { Chain, expectExact, PRODUCTS, SalesLoad } from "./support/chain.ts";
import { type NatsCluster, startNatsCluster } from "./support/nats-cluster.ts";
import { waitFor } from "./support/wait.ts";

// Real processes and leader elections: seconds, not milliseconds.
setDefaultTimeout(300_000);

let chain: Chain<NatsCluster>;
beforeAll(async () => {
  const cluster = await startNatsCluster(3);
  let hq: Awaited<ReturnType<typeof startHq>>;
  try {
    hq = await startHq({ nats: cluster.url, args: ["--nats-replicas", "3"] });
  } catch (err) {
    await cluster[Symbol.asyncDispose]();
    throw err;
  }
  chain = new Chain(cluster, hq);
  await chain.addStore("S1");
  await chain.addStore("S2");
}, 120_000);
afterAll(async () => {
  await chain?.[Symbol.asyncDispose]();
}, 60_000);

/** Events head office has applied, over all stores. */
function ingested(): number {
  const row = chain.hq.db().query<{ n: number }, []>("SELECT count(*) AS n FROM ingested_events").get();
  return row?.n ?? 0;
}

/** Waits until head office has applied `more` events beyond what it had. */
async function ingestMoves(more: number, what: string): Promise<void> {
  const from = ingested();
  await waitFor(
    () => ingested() >= from + more,
    `${what} (head office at ${ingested()}, from ${from})`,
    90_000,
    100,
  );
}

/** The stream's leader, once the running servers agree on one other than `not`. */
async function newLeader(not: string): Promise<string> {
  return waitFor(
    async () => {
      const leader = (await chain.nats.streamInfo(STORE_EVENTS_STREAM)).cluster?.leader;
      return leader !== undefined && leader !== not ? leader : null;
    },
    `a new leader of ${STORE_EVENTS_STREAM} (not ${not})`,
    60_000,
    100,
  );
}

test("losing the stream leader, then a second server, then quorum again: every sale at head office once", async () => {
  const cluster = chain.nats;
  // Head office created the streams and its consumer with three replicas.
  for (const stream of [STORE_EVENTS_STREAM, CATALOG_STREAM]) {
    const info = await waitFor(async () => {
      const i = await cluster.streamInfo(stream);
      return i.cluster?.leader !== undefined && i.cluster.replicas?.length === 2 ? i : null;
    }, `${stream} on three servers`);
    expect(info.config.num_replicas).toBe(3);
  }
  const consumer = await cluster.consumerInfo(STORE_EVENTS_STREAM, INGEST_CONSUMER);
  expect(consumer.config.num_replicas).toBe(3);

  const load = new SalesLoad([chain.store("S1"), chain.store("S2")], 10);
  let first: string;
  let second: string;
  try {
    await waitFor(() => load.rung >= 30, "sales before the faults");
    await ingestMoves(20, "ingest to run");

    // 1. The stream's leader dies in the middle of ingest; another takes over.
    first = await cluster.streamLeader(STORE_EVENTS_STREAM);
    await cluster.node(first).kill9();
    second = await newLeader(first);
    await ingestMoves(40, "ingest to go on under the new leader");

    // 2. A second server dies: one of three has no quorum. The shops sell on meanwhile.
    await cluster.node(second).kill9();
    const before = load.rung;
    await waitFor(() => load.rung >= before + 40, "sales while the stream has no quorum");

    // 3. One server comes back: two of three are a quorum again.
    await cluster.node(first).restart();
    await newLeader(second);
    await ingestMoves(40, "ingest to go on with the quorum back");
    const after = load.rung;
    await waitFor(() => load.rung >= after + 20, "sales after the recovery");
  } finally {
    await load.stop();
  }
  expect(load.failed).toBe(0);
  await expectExact(chain);

  // The second server returns too, and catches up: all three replicas current again.
  await cluster.node(second).restart();
  await waitFor(async () => {
    const replicas = (await cluster.streamInfo(STORE_EVENTS_STREAM)).cluster?.replicas ?? [];
    return replicas.length === 2 && replicas.every((r) => r.current);
  }, "every replica of the stream to be current again");

  // With the cluster whole again, catalog changes still flow down to both stores.
  await chain.hq.json("/api/v1/products/bulk", {
    method: "POST",
    body: JSON.stringify({ products: PRODUCTS, strict: true }),
  });
  await chain.hq.json("/api/v1/prices", {
    method: "PUT",
    body: JSON.stringify({ code: "A1", priceMinor: 249 }),
  });
  for (const id of ["S1", "S2"]) {
    await waitFor(
      async () => {
        const res = await chain.store(id).api("/api/v1/products/changes?since=0&limit=1000");
        const body = (await res.json()) as { products: { code: string; priceMinor: number }[] };
        return body.products.find((p) => p.code === "A1")?.priceMinor === 249;
      },
      `${id} to get head office's new price`,
      90_000,
      100,
    );
  }
}, 300_000);
