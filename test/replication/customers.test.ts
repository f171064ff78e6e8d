/**
 * Customers, groups and cards reach the stores: a store answers a scanned card (customer, group
 * discount, balances) and a customer search from its own copy, and keeps answering while head
 * office is down. A block, a replacement and an erasure reach it too.
 */
import { afterAll, beforeAll, expect, setDefaultTimeout, test } from "bun:test";
import { type Chain, startChain } from "./support/chain.ts";
import { waitFor } from "./support/wait.ts";

setDefaultTimeout(120_000);

let chain: Chain;
beforeAll(async () => {
  chain = await startChain({ storeIds: ["S1", "S2"], seed: false });
}, 60_000);
afterAll(async () => {
  await chain?.[Symbol.asyncDispose]();
});

interface StoreCard {
  number: string;
  blocked: boolean;
  points: number;
  balanceMinor: number;
  replacedBy: string | null;
  customer: { id: string; name: string; groups: { id: string; discountPercent: number | null }[] } | null;
}

async function hqPost(path: string, body: unknown = {}) {
  return chain.hq.json(path, { method: "POST", body: JSON.stringify(body) });
}

async function cardAt(storeId: string, number: string): Promise<StoreCard | null> {
  const res = await chain.store(storeId).api(`/api/v1/cards/${number}`);
  return res.status === 200 ? ((await res.json()) as StoreCard) : null;
}

test("a card scanned at either store shows the customer, the group discount and the balances", async () => {
  await chain.hq.json("/api/v1/loyalty", {
    method: "PUT",
    body: JSON.stringify({ earn: { points: 1, perAmountMinor: 100 }, pointValueMinor: 1 }),
  });
  await hqPost("/api/v1/customer-groups", { id: "staff", name: "Staff", discount: { percent: 10 } });
  await hqPost("/api/v1/customers", {
    id: "c1",
    name: "Ana Lima",
    phone: "+1 555 010 0100",
    groups: ["staff"],
  });
  await hqPost("/api/v1/cards", { number: "2990000000019", kind: "loyalty", customerId: "c1" });
  await hqPost("/api/v1/accounts/earnings", {
    card: "2990000000019",
    storeId: "S1",
    saleId: "s-1",
    paidMinor: 2_500,
  });
  for (const storeId of ["S1", "S2"]) {
    const card = await waitFor(async () => {
      const c = await cardAt(storeId, "2990000000019");
      return c?.points === 25 ? c : null;
    }, `the card at ${storeId}`);
    expect(card).toMatchObject({
      blocked: false,
      balanceMinor: 0,
      customer: { id: "c1", name: "Ana Lima", groups: [{ id: "staff", name: "Staff", discountPercent: 10 }] },
    });
  }
  const found = (await (await chain.store("S2").api("/api/v1/customers?q=lima")).json()) as {
    customers: { id: string }[];
  };
  expect(found.customers.map((c) => c.id)).toEqual(["c1"]);
  const byPhone = (await (await chain.store("S1").api("/api/v1/customers?phone=%2B15550100100")).json()) as {
    customers: { id: string }[];
  };
  expect(byPhone.customers.map((c) => c.id)).toEqual(["c1"]);
  const unknown = await chain.store("S1").api("/api/v1/cards/0000");
  expect(unknown.status).toBe(404);
});

test("block, replace and erase reach the stores; they answer with head office down", async () => {
  await hqPost("/api/v1/customers", { id: "c2", name: "Bo Chen" });
  await hqPost("/api/v1/cards", { number: "5001", kind: "gift", customerId: "c2", balanceMinor: 3_000 });
  await hqPost("/api/v1/cards/5001/replace", { newNumber: "5002" });
  await hqPost("/api/v1/customers/c2/erase");
  const replaced = await waitFor(async () => {
    const c = await cardAt("S1", "5002");
    const old = await cardAt("S1", "5001");
    return c && old?.blocked && c.customer === null ? { c, old } : null;
  }, "the replacement and the erasure at S1");
  expect(replaced.c.balanceMinor).toBe(3_000);
  expect(replaced.old).toMatchObject({ blocked: true, replacedBy: "5002", balanceMinor: 0 });
  const erased = (await (await chain.store("S1").api("/api/v1/customers?q=chen")).json()) as {
    customers: unknown[];
  };
  expect(erased.customers).toEqual([]);
  await chain.hq.stop();
  expect(await cardAt("S2", "2990000000019")).toMatchObject({ points: 25, customer: { id: "c1" } });
});
