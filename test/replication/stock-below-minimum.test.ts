/**
 * Below-minimum stock at head office, with a real nats-server, head office and two stores:
 * limits per location set at a store reach head office in the store's journal
 * (`stock.limits_changed`), the chain catalog's limits apply to stores without their own, and
 * head office's list of each store equals the store's own list.
 */
import { expect, test } from "bun:test";
import { uuidv7 } from "../../src/core/ids.ts";
import type { StoreProcess } from "../support/store-process.ts";
import { startChain, waitConverged } from "./support/chain.ts";
import { waitFor } from "./support/wait.ts";

interface Row {
  storeId?: string;
  code: string;
  location: string | null;
  onHandMilli: number;
  min: number;
  max: number | null;
  toOrderMilli: number;
}

async function call(store: StoreProcess, path: string, body: Record<string, unknown>): Promise<number> {
  const res = await store.api(`/api/v1${path}`, { method: "POST", body: JSON.stringify(body) });
  return res.status;
}

async function belowAtStore(store: StoreProcess): Promise<Row[]> {
  const res = await store.api("/api/v1/stock/below-minimum");
  expect(res.status).toBe(200);
  return ((await res.json()) as { products: Row[] }).products;
}

const key = (r: Row) => [r.code, r.location, r.onHandMilli, r.min, r.max, r.toOrderMilli];

test("head office lists each store's stock below its minimum, as the store does", async () => {
  await using chain = await startChain();
  const s1 = chain.store("S1");
  const s2 = chain.store("S2");
  // A chain-wide minimum from head office's catalog, for stores without limits of their own.
  const product = await chain.hq.api("/api/v1/products", {
    method: "POST",
    body: JSON.stringify({
      code: "CHEESE",
      name: "Deli cheese",
      priceMinor: 1_250,
      taxClass: "2",
      minStock: 2,
    }),
  });
  expect(product.status).toBeLessThan(300);
  expect(await call(s1, "/stock/limits", { code: "MILK", location: "backroom", min: 6, max: 24 })).toBe(200);
  expect(await call(s2, "/stock/limits", { code: "BREAD", location: "floor", min: 3 })).toBe(200);
  const receipt = (location: string, lines: [string, number][]) => ({
    id: uuidv7(),
    type: "receipt",
    post: true,
    location,
    lines: lines.map(([code, qty]) => ({ code, qty, unitCostMinor: 50 })),
  });
  expect(
    await call(
      s1,
      "/stock/documents",
      receipt("backroom", [
        ["MILK", 2],
        ["CHEESE", 1],
      ]),
    ),
  ).toBe(201);
  expect(
    await call(
      s2,
      "/stock/documents",
      receipt("floor", [
        ["BREAD", 1],
        ["CHEESE", 5],
      ]),
    ),
  ).toBe(201);
  await waitConverged(chain);

  // Each store's own list, once the catalog's minimum reached it.
  const own = new Map<string, Row[]>();
  for (const [storeId, store] of chain.stores) {
    own.set(
      storeId,
      await waitFor(async () => {
        const rows = await belowAtStore(store);
        return storeId === "S2" || rows.some((r) => r.code === "CHEESE") ? rows : null;
      }, `${storeId} to list CHEESE by the chain's minimum`),
    );
  }
  expect((own.get("S1") ?? []).map(key)).toEqual([
    ["CHEESE", null, 1000, 2, null, 1000],
    ["MILK", "backroom", 2000, 6, 24, 22_000],
  ]);
  expect((own.get("S2") ?? []).map(key)).toEqual([["BREAD", "floor", 1000, 3, null, 2000]]);

  const atHq = async (query: string) => {
    const res = await chain.hq.api(`/api/v1/stock/below-minimum${query}`);
    return { status: res.status, body: (await res.json()) as { products: Row[]; error?: { code: string } } };
  };
  const all = await atHq("");
  expect(all.status).toBe(200);
  for (const [storeId, rows] of own) {
    expect(all.body.products.filter((r) => r.storeId === storeId).map(key)).toEqual(rows.map(key));
  }
  const onlyS2 = await atHq("?storeId=S2");
  expect(onlyS2.body.products.map((r) => [r.storeId, r.code])).toEqual([["S2", "BREAD"]]);

  // Clearing a store's limits reaches head office too.
  expect(await call(s2, "/stock/limits", { code: "BREAD", location: "floor", min: null })).toBe(200);
  await waitFor(async () => (await atHq("?storeId=S2")).body.products.length === 0, "S2's cleared limits");

  const unknown = await atHq("?storeId=NOPE");
  expect([unknown.status, unknown.body.error?.code]).toEqual([404, "UNKNOWN_STORE"]);
}, 120_000);
