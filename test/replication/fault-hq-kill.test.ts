/**
 * Fault (c): kill -9 of head office in the middle of ingesting a backlog. What it committed
 * stays applied exactly once; what it had not acknowledged is delivered again after the
 * restart and recognised by event id where it had been committed.
 */
import { afterAll, beforeAll, expect, setDefaultTimeout, test } from "bun:test";
import { type Chain, expectExact, ringSale, startChain, storeFacts } from "./support/chain.ts";
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

async function ringMany(storeId: string, n: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < n) await ringSale(chain.store(storeId), next++);
  };
  await Promise.all(Array.from({ length: 6 }, worker));
}

function appliedAtHq(): number {
  return (
    chain.hq.db().query<{ n: number | null }, []>("SELECT sum(last_seq) AS n FROM store_replication").get()
      ?.n ?? 0
  );
}

test("(c) kill -9 of HQ while it ingests a backlog: it ends exact after the restart", async () => {
  await ringMany("S1", 5);
  await ringMany("S2", 5);
  await waitFor(() => appliedAtHq() > 0, "a first sync");
  await chain.hq.stop();
  // More events than HQ applies in one batch (1,000), so there is a moment between two commits.
  await ringMany("S1", 1_100);
  await ringMany("S2", 100);
  const total = storeFacts(chain.store("S1")).lastSeq + storeFacts(chain.store("S2")).lastSeq;
  const before = appliedAtHq();
  await chain.hq.restart();
  const during = await waitFor(
    () => {
      const n = appliedAtHq();
      return n > before ? n : null;
    },
    "HQ to start ingesting the backlog",
    30_000,
    2,
  );
  await chain.hq.kill9();
  expect(during).toBeLessThan(total);
  await chain.hq.restart();
  await expectExact(chain);
});
