/**
 * Store → HQ over a real nats-server with real processes: sales, a card sale, a void and a
 * return reach head office exactly once, its figures equal each store's daily report, and the
 * store's /health and head office's /stores show the replication state.
 */
import { afterAll, beforeAll, describe, expect, setDefaultTimeout, test } from "bun:test";
import { type Chain, expectExact, ringMixed, ringSale, startChain } from "./support/chain.ts";
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

describe("store → HQ replication", () => {
  test("sales, voids and returns of two stores reach head office exactly once", async () => {
    for (let i = 0; i < 20; i++) {
      await ringSale(chain.store("S1"), i);
      await ringSale(chain.store("S2"), i + 1);
    }
    await ringMixed(chain.store("S1"));
    await expectExact(chain);
  });

  test("the store's /health shows the link, the pointers and the backlog", async () => {
    const store = chain.store("S1");
    const health = await waitFor(async () => {
      const body = (await (await fetch(`${store.url}/health`)).json()) as {
        replication?: {
          link: string;
          published: number;
          appliedAtHq: number | null;
          backlog: number;
          lastSeq: number;
        };
      };
      const r = body.replication;
      return r && r.backlog === 0 && r.appliedAtHq === r.lastSeq ? r : null;
    }, "the store to see head office caught up");
    expect(health.link).toBe("up");
    expect(health.published).toBe(health.lastSeq);
  });

  test("GET /stores shows each store's last applied sequence", async () => {
    const body = await chain.hq.json<{ stores: { storeId: string; lastSeq: number; lagSeconds: number }[] }>(
      "/api/v1/stores",
    );
    const s1 = body.stores.find((s) => s.storeId === "S1");
    expect(s1?.lastSeq).toBeGreaterThan(20);
  });
});
