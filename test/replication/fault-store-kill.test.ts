/**
 * Fault (b): kill -9 of a store in the middle of relaying a backlog. After the restart the
 * relay resumes from its saved published pointer (re-sending a few events is harmless) and
 * head office ends exact.
 */
import { afterAll, beforeAll, expect, setDefaultTimeout, test } from "bun:test";
import { type Chain, expectExact, ringSale, startChain, storeFacts } from "./support/chain.ts";
import { waitFor } from "./support/wait.ts";

// Real processes: starting them and waiting for replication takes seconds, not milliseconds.
setDefaultTimeout(120_000);

let chain: Chain;
beforeAll(async () => {
  chain = await startChain({ storeIds: ["S1", "S2"] });
}, 60_000);
afterAll(async () => {
  await chain?.[Symbol.asyncDispose]();
}, 60_000);

interface Replication {
  link: string;
  published: number;
  lastSeq: number;
}

async function replication(storeId: string): Promise<Replication | null> {
  try {
    const body = (await (await fetch(`${chain.store(storeId).url}/health`)).json()) as {
      replication?: Replication;
    };
    return body.replication ?? null;
  } catch {
    return null;
  }
}

async function ringMany(storeId: string, n: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < n) await ringSale(chain.store(storeId), next++);
  };
  await Promise.all(Array.from({ length: 6 }, worker));
}

test("(b) kill -9 of a store while it relays a backlog: HQ ends exact after the restart", async () => {
  await ringMany("S1", 10);
  await ringMany("S2", 10);
  // Build a backlog while the broker is away.
  await chain.nats.stop();
  await waitFor(async () => (await replication("S1"))?.link === "down", "S1 to see NATS down");
  await ringMany("S1", 1200);
  await ringMany("S2", 50);
  const backlog = await replication("S1");
  expect(backlog && backlog.lastSeq > backlog.published + 1000).toBe(true);
  await chain.nats.restart();
  // Kill it as soon as the relay has made progress but before it is done.
  const start = backlog?.published ?? 0;
  const seen = await waitFor(
    async () => {
      const r = await replication("S1");
      return r && r.published > start ? r : null;
    },
    "S1 to start relaying its backlog",
    30_000,
    2,
  );
  await chain.store("S1").kill9();
  expect(seen.published).toBeLessThan(seen.lastSeq);
  await chain.store("S1").restart();
  await ringMany("S1", 10);
  await expectExact(chain);
  expect(storeFacts(chain.store("S1")).saleIds.length).toBe(1220);
});
