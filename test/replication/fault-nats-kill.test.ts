/**
 * Fault (d): kill -9 of nats-server itself during steady sales at two stores, then a restart
 * on the same store dir. Publishes in flight fail and are retried; HQ ends exact.
 */
import { afterAll, beforeAll, expect, setDefaultTimeout, test } from "bun:test";
import { type Chain, expectExact, SalesLoad, startChain } from "./support/chain.ts";
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

test("(d) kill -9 of nats-server during steady sales: every sale reaches HQ once", async () => {
  const load = new SalesLoad([chain.store("S1"), chain.store("S2")], 20);
  try {
    await waitFor(() => load.rung >= 30, "sales before the crash");
    await chain.nats.kill9();
    const before = load.rung;
    await waitFor(() => load.rung >= before + 20, "sales while the broker is down");
    await chain.nats.restart();
    const after = load.rung;
    await waitFor(() => load.rung >= after + 30, "sales after the restart");
  } finally {
    await load.stop();
  }
  expect(load.failed).toBe(0);
  await expectExact(chain);
});
