/**
 * Fault (h): the broker acknowledged events that head office had not applied yet, and then
 * lost them (nats-server killed and restarted with its store dir wiped, as after a power cut
 * without fsync). Head office announces how far it really applied; the stores see it stay
 * behind what they published and publish again from there, so head office still ends exact.
 * The same holds for a single event lost while the broker still remembers its message id:
 * what is published again carries a new message id, so the duplicate window cannot drop it.
 */
import { afterAll, beforeAll, expect, setDefaultTimeout, test } from "bun:test";
import { jetstreamManager } from "@nats-io/jetstream";
import { connect } from "@nats-io/transport-node";
import { STORE_EVENTS_STREAM } from "../../src/shared/nats/index.ts";
import { type Chain, expectExact, ringSale, startChain, storeFacts, waitConverged } from "./support/chain.ts";
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

async function published(storeId: string): Promise<number> {
  const body = (await (await fetch(`${chain.store(storeId).url}/health`)).json()) as {
    replication: { published: number };
  };
  return body.replication.published;
}

test("(h) broker store dir wiped while HQ was behind: stores publish again from HQ's pointer", async () => {
  for (let i = 0; i < 10; i++) {
    await ringSale(chain.store("S1"), i);
    await ringSale(chain.store("S2"), i);
  }
  await waitConverged(chain);
  const appliedBefore = chain.hq
    .db()
    .query<{ n: number }, []>("SELECT sum(last_seq) AS n FROM store_replication")
    .get()?.n;

  await chain.hq.stop();
  for (let i = 0; i < 150; i++) {
    await ringSale(chain.store("S1"), i);
    await ringSale(chain.store("S2"), i);
  }
  // The broker acknowledged everything: the stores' published pointers are at their journal's end.
  for (const id of ["S1", "S2"]) {
    const store = chain.store(id);
    await waitFor(
      async () => (await published(id)) === storeFacts(store).lastSeq,
      `${id}'s backlog acknowledged`,
    );
  }
  await chain.nats.kill9();
  await chain.nats.wipe();
  await chain.nats.restart();
  await chain.hq.restart();

  await expectExact(chain);
  expect(appliedBefore).toBeGreaterThan(20);
  for (const id of ["S1", "S2"]) {
    expect(chain.store(id).output).toMatch(
      /HQ has applied up to event \d+ but \d+ were published; publishing again/,
    );
  }
});

test("one acknowledged event lost by the broker inside its duplicate window still reaches HQ", async () => {
  await waitConverged(chain);
  await chain.hq.stop();
  const first = storeFacts(chain.store("S1")).lastSeq;
  for (let i = 0; i < 20; i++) await ringSale(chain.store("S1"), i);
  const store = chain.store("S1");
  await waitFor(async () => (await published("S1")) === storeFacts(store).lastSeq, "S1's sales acknowledged");
  // Drop one of them from the stream; the broker still remembers its message id.
  const nc = await connect({ servers: chain.nats.url.replace("nats://", "") });
  try {
    const jsm = await jetstreamManager(nc);
    const info = await jsm.streams.info(STORE_EVENTS_STREAM);
    let dropped = 0;
    for (let seq = info.state.last_seq; seq > 0 && dropped === 0; seq--) {
      const msg = await jsm.streams.getMessage(STORE_EVENTS_STREAM, { seq }).catch(() => null);
      const event = msg?.json<{ storeId: string; seq: number }>();
      if (event?.storeId === "S1" && event.seq === first + 5) {
        await jsm.streams.deleteMessage(STORE_EVENTS_STREAM, seq);
        dropped = event.seq;
      }
    }
    expect(dropped).toBe(first + 5);
  } finally {
    await nc.close();
  }
  await chain.hq.restart();
  await expectExact(chain);
});
