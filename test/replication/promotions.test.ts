/**
 * A promotion defined at head office reaches a real store over NATS (with the category it
 * names) and prices the next sale there, named on the sale; ended at head office, it no longer
 * applies, and the sale already recorded keeps it.
 */
import { afterAll, beforeAll, expect, setDefaultTimeout, test } from "bun:test";
import { uuidv7 } from "../../src/core/ids.ts";
import type { StoreProcess } from "../support/store-process.ts";
import { type Chain, startChain } from "./support/chain.ts";
import { waitFor } from "./support/wait.ts";

setDefaultTimeout(120_000);

interface Priced {
  lines: { code: string; discountMinor: number; totalMinor: number }[];
  promotions: { id: string; name: string; discountMinor: number }[];
  totalMinor: number;
}

let chain: Chain;
let store: StoreProcess;
beforeAll(async () => {
  chain = await startChain({ storeIds: ["S1"], seed: false });
  store = chain.store("S1");
}, 60_000);
afterAll(async () => {
  await chain?.[Symbol.asyncDispose]();
}, 60_000);

async function hq(path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const res = await chain.hq.api(
    path,
    body === undefined ? { method: "POST" } : { method: "POST", body: JSON.stringify(body) },
  );
  return { status: res.status, body: await res.json() };
}

async function quote(): Promise<Priced> {
  const res = await store.api("/api/v1/baskets/quote", {
    method: "POST",
    body: JSON.stringify({ lines: [{ code: "OJ", qty: 3 }, { code: "BREAD" }] }),
  });
  if (res.status !== 200) throw new Error(`quote: ${res.status} ${await res.text()}`);
  return (await res.json()) as Priced;
}

test("a promotion created at head office applies to the next sale at the store, by name", async () => {
  expect((await hq("/api/v1/categories", { id: "drinks", name: "Drinks" })).status).toBe(200);
  expect((await hq("/api/v1/categories", { id: "juice", name: "Juice", parent: "drinks" })).status).toBe(200);
  for (const product of [
    { code: "OJ", name: "Orange juice", priceMinor: 300, taxClass: null, category: "juice" },
    { code: "BREAD", name: "Bread", priceMinor: 275, taxClass: null },
  ]) {
    expect((await hq("/api/v1/products", product)).status).toBe(200);
  }
  await waitFor(
    async () => ((await store.api("/api/v1/products/BREAD")).status === 200 ? true : null),
    "products at the store",
  );
  expect((await quote()).promotions).toEqual([]);

  // Buy 2 get 1 free on the drinks category: the juice's category is under it.
  const created = await hq("/api/v1/promotions", {
    id: "drinks-3for2",
    name: "Drinks 3 for 2",
    reward: { kind: "multibuy", buy: 2, get: 1, percent: "100", categories: ["drinks"] },
  });
  expect(created.status).toBe(200);
  const priced = await waitFor(async () => {
    const q = await quote();
    return q.promotions.length > 0 ? q : null;
  }, "the promotion at the store");
  expect(priced.promotions).toEqual([{ id: "drinks-3for2", name: "Drinks 3 for 2", discountMinor: 300 }]);
  expect(priced.lines[0]).toMatchObject({ code: "OJ", discountMinor: 300, totalMinor: 600 });
  expect(priced.totalMinor).toBe(875);

  const id = uuidv7();
  const sale = await store.api("/api/v1/sales", {
    method: "POST",
    body: JSON.stringify({
      id,
      tillId: "T1",
      lines: [{ code: "OJ", qty: 3 }, { code: "BREAD" }],
      tenders: [{ type: "cash", amountMinor: 1_000 }],
    }),
  });
  expect(sale.status).toBe(201);
  expect(((await sale.json()) as Priced).promotions).toEqual(priced.promotions);

  expect((await hq("/api/v1/promotions/drinks-3for2/deactivate")).status).toBe(200);
  await waitFor(
    async () => ((await quote()).promotions.length === 0 ? true : null),
    "the promotion ended at the store",
  );
  const kept = (await (await store.api(`/api/v1/sales/${id}`)).json()) as Priced;
  expect(kept.promotions).toEqual(priced.promotions);
  expect(kept.totalMinor).toBe(875);
});
