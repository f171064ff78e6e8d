/**
 * Fault (e): the same events delivered again after JetStream's 2-minute duplicate window —
 * as a store re-sending its journal after a long outage would. They carry fresh Nats-Msg-Ids,
 * so the broker stores them again; head office recognises them by event id and changes
 * nothing.
 */
import { Database } from "bun:sqlite";
import { afterAll, beforeAll, expect, setDefaultTimeout, test } from "bun:test";
import { join } from "node:path";
import { jetstream, jetstreamManager } from "@nats-io/jetstream";
import { connect } from "@nats-io/transport-node";
import { INGEST_CONSUMER, STORE_EVENTS_STREAM } from "../../src/shared/nats/index.ts";
import { type Chain, expectExact, ringMixed, ringSale, startChain } from "./support/chain.ts";
import { waitFor } from "./support/wait.ts";

// Real processes: starting them and waiting for replication takes seconds, not milliseconds.
setDefaultTimeout(120_000);

let chain: Chain;
beforeAll(async () => {
  chain = await startChain({ storeIds: ["S1", "S2"] });
});
afterAll(async () => {
  await chain?.[Symbol.asyncDispose]();
});

interface Row {
  seq: number;
  id: string;
  type: string;
  version: number;
  at: string;
  payload: string;
  prevHash: string | null;
  hash: string;
}

test("(e) every event delivered again with a new message id: HQ applies none of them twice", async () => {
  for (let i = 0; i < 30; i++) await ringSale(chain.store("S1"), i);
  await ringMixed(chain.store("S1"));
  for (let i = 0; i < 10; i++) await ringSale(chain.store("S2"), i);
  await expectExact(chain);
  const counts = () =>
    chain.hq
      .db()
      .query<{ events: number; sales: number; dead: number }, []>(
        `SELECT (SELECT count(*) FROM ingested_events) AS events, (SELECT count(*) FROM hq_sales) AS sales,
          (SELECT count(*) FROM dead_letters) AS dead`,
      )
      .get();
  const before = counts();

  const db = new Database(join(chain.store("S1").dataDir, "store.db"), { readonly: true });
  const rows = db
    .query<Row, []>(
      "SELECT seq, id, type, version, at, payload, prev_hash AS prevHash, hash FROM events ORDER BY seq",
    )
    .all();
  db.close();
  const nc = await connect({ servers: chain.nats.url.replace("nats://", "") });
  try {
    const js = jetstream(nc);
    // Oldest last, newest first, and the whole journal twice: order does not matter either.
    for (const row of [...rows].reverse().concat(rows)) {
      const event = { ...row, storeId: "S1", payload: JSON.parse(row.payload) as unknown };
      const ack = await js.publish(`ringup.v1.store.S1.${row.type}`, JSON.stringify(event), {
        msgID: `${row.id}-again-${Math.random()}`,
      });
      expect(ack.duplicate).toBe(false);
    }
    const jsm = await jetstreamManager(nc);
    await waitFor(async () => {
      const info = await jsm.consumers.info(STORE_EVENTS_STREAM, INGEST_CONSUMER);
      return info.num_pending === 0 && info.num_ack_pending === 0;
    }, "head office to work through the copies");
  } finally {
    await nc.close();
  }
  expect(counts()).toEqual(before);
  expect(before?.dead).toBe(0);
  await expectExact(chain);
});
