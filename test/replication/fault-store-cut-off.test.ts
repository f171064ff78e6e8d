/**
 * Fault (f): a store cut off from the network (its connection to NATS dropped and refused)
 * keeps selling while head office changes prices; after reconnection the new prices reach the
 * store and its tills (which sync by change sequence), and the sales rung meanwhile reach HQ.
 */
import { afterAll, beforeAll, expect, setDefaultTimeout, test } from "bun:test";
import { type Chain, expectExact, PRODUCTS, ringSale, startChain } from "./support/chain.ts";
import { TcpProxy } from "./support/tcp-proxy.ts";
import { waitFor } from "./support/wait.ts";

// Real processes: starting them and waiting for replication takes seconds, not milliseconds.
setDefaultTimeout(120_000);

let chain: Chain;
let proxy: TcpProxy;
beforeAll(async () => {
  // The stores get their catalog from head office only.
  chain = await startChain({ storeIds: ["S2"], seed: false });
  proxy = await TcpProxy.start(chain.nats.port);
  await chain.addStore("S1", { seed: false, natsUrl: proxy.url });
});
afterAll(async () => {
  await proxy?.[Symbol.asyncDispose]();
  await chain?.[Symbol.asyncDispose]();
});

interface Product {
  code: string;
  priceMinor: number;
  changeSeq: number;
}

async function tillChanges(
  storeId: string,
  since: number,
): Promise<{ products: Product[]; lastSeq: number }> {
  const res = await chain.store(storeId).api(`/api/v1/products/changes?since=${since}&limit=1000`);
  return (await res.json()) as { products: Product[]; lastSeq: number };
}

async function link(storeId: string): Promise<string | undefined> {
  const body = (await (await fetch(`${chain.store(storeId).url}/health`)).json()) as {
    replication?: { link: string };
  };
  return body.replication?.link;
}

test("(f) a price changed at HQ while a store is cut off reaches it and its tills after reconnection", async () => {
  const hq = chain.hq;
  await hq.json("/api/v1/products/bulk", {
    method: "POST",
    body: JSON.stringify({ products: PRODUCTS, strict: true }),
  });
  for (const id of ["S1", "S2"]) {
    await waitFor(
      async () => (await tillChanges(id, 0)).products.length === PRODUCTS.length,
      `${id}'s catalog`,
    );
  }
  for (let i = 0; i < 5; i++) await ringSale(chain.store("S1"), i);
  // What a till of S1 has synced so far.
  const tillSeq = (await tillChanges("S1", 0)).lastSeq;

  proxy.cut();
  await waitFor(async () => (await link("S1")) === "down", "S1 to notice it is cut off");
  await hq.json("/api/v1/prices", { method: "PUT", body: JSON.stringify({ code: "A1", priceMinor: 249 }) });
  await hq.json("/api/v1/prices", {
    method: "PUT",
    body: JSON.stringify({ code: "MILK", priceMinor: 329, storeId: "S1" }),
  });
  // S2, still connected, gets the chain price at once; S1 sells on at the old one.
  await waitFor(
    async () => (await tillChanges("S2", 0)).products.find((p) => p.code === "A1")?.priceMinor === 249,
    "S2 to get the new price",
  );
  for (let i = 0; i < 10; i++) await ringSale(chain.store("S1"), i);
  expect((await tillChanges("S1", 0)).products.find((p) => p.code === "A1")?.priceMinor).toBe(199);

  proxy.restore();
  await waitFor(async () => (await link("S1")) === "up", "S1 to reconnect");
  const changed = await waitFor(async () => {
    const c = await tillChanges("S1", tillSeq);
    const a1 = c.products.find((p) => p.code === "A1");
    const milk = c.products.find((p) => p.code === "MILK");
    return a1?.priceMinor === 249 && milk?.priceMinor === 329 ? c : null;
  }, "S1's tills to see the new prices");
  expect(changed.products.map((p) => p.code).sort()).toEqual(["A1", "MILK"]);
  expect((await tillChanges("S2", 0)).products.find((p) => p.code === "MILK")?.priceMinor).toBe(349);

  // A sale rung now is priced at the new price.
  const sale = await chain.store("S1").api("/api/v1/baskets/quote", {
    method: "POST",
    body: JSON.stringify({ lines: [{ code: "A1" }] }),
  });
  expect(((await sale.json()) as { subtotalMinor: number }).subtotalMinor).toBe(249);
  for (let i = 0; i < 3; i++) await ringSale(chain.store("S2"), i);
  await expectExact(chain);
  expect(chain.store("S1").output.match(/link to NATS \S+ lost/g)).toHaveLength(1);
});
