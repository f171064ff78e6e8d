/**
 * Fault (a): nats-server stopped for a while during steady sales at two stores, then started
 * again. The stores keep selling, log the link loss and its recovery once each, and catch up.
 */
import { afterAll, beforeAll, expect, setDefaultTimeout, test } from "bun:test";
import { type Chain, expectExact, SalesLoad, startChain, storeFacts } from "./support/chain.ts";
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

async function link(storeId: string): Promise<string | undefined> {
  const res = await fetch(`${chain.store(storeId).url}/health`);
  const body = (await res.json()) as { replication?: { link: string } };
  return body.replication?.link;
}

test("(a) NATS down during steady sales at two stores, then back: every sale reaches HQ once", async () => {
  const load = new SalesLoad([chain.store("S1"), chain.store("S2")], 15);
  try {
    await waitFor(() => load.rung >= 20, "sales before the outage");
    await chain.nats.stop();
    await waitFor(
      async () => (await link("S1")) === "down" && (await link("S2")) === "down",
      "the stores to see NATS down",
    );
    const before = load.rung;
    await waitFor(() => load.rung >= before + 40, "sales during the outage");
    await chain.nats.restart();
    await waitFor(
      async () => (await link("S1")) === "up" && (await link("S2")) === "up",
      "the links to come back",
    );
    const after = load.rung;
    await waitFor(() => load.rung >= after + 20, "sales after the outage");
  } finally {
    await load.stop();
  }
  expect(load.failed).toBe(0);
  await expectExact(chain);
  for (const id of ["S1", "S2"]) {
    const out = chain.store(id).output;
    expect(out.match(/link to NATS \S+ lost/g)).toHaveLength(1);
    expect(out.match(/link to NATS \S+ restored/g)).toHaveLength(1);
    expect(storeFacts(chain.store(id)).saleIds.length).toBeGreaterThan(40);
  }
  expect(chain.hq.output.match(/link to NATS \S+ lost/g)).toHaveLength(1);
});
