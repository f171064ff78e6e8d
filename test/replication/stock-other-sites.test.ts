/**
 * Stock at other sites, as the till's price check asks the store for it: the store asks head
 * office (`GET /stock?code=` there) through its link with a short deadline, and answers this
 * store's stock with the other sites'. Without head office it answers only here, at once.
 */
import { expect, test } from "bun:test";
import { uuidv7 } from "../../src/core/ids.ts";
import type { StoreProcess } from "../support/store-process.ts";
import { startChain, waitConverged } from "./support/chain.ts";

interface Sites {
  code: string;
  here: { onHandMilli: number };
  reachable: boolean;
  sites: { storeId: string; onHandMilli: number }[];
  error?: { code: string };
}

async function sites(store: StoreProcess, code: string): Promise<{ status: number; body: Sites }> {
  const res = await store.api(`/api/v1/stock/sites?code=${code}`);
  return { status: res.status, body: (await res.json()) as Sites };
}

async function receive(store: StoreProcess, code: string, qty: number): Promise<void> {
  const res = await store.api("/api/v1/stock/documents", {
    method: "POST",
    body: JSON.stringify({
      id: uuidv7(),
      type: "receipt",
      post: true,
      lines: [{ code, qty, unitCostMinor: 10 }],
    }),
  });
  expect(res.status).toBe(201);
}

test("a store answers its stock and the other sites' from head office, and only its own without it", async () => {
  await using chain = await startChain({ storeIds: ["S1", "S2", "S3"], hqLink: true });
  await receive(chain.store("S1"), "MILK", 4);
  await receive(chain.store("S2"), "MILK", 9);
  await receive(chain.store("S3"), "MILK", 2);
  await waitConverged(chain);

  const atS1 = await sites(chain.store("S1"), "MILK");
  expect(atS1.status).toBe(200);
  expect(atS1.body).toEqual({
    code: "MILK",
    here: { onHandMilli: 4000 },
    reachable: true,
    sites: [
      { storeId: "S2", onHand: 9, onHandMilli: 9000 },
      { storeId: "S3", onHand: 2, onHandMilli: 2000 },
    ],
  } as unknown as Sites);
  const unknown = await sites(chain.store("S1"), "NOPE");
  expect([unknown.status, unknown.body.error?.code]).toEqual([404, "UNKNOWN_CODE"]);

  // Head office gone: this store's stock only, within the short deadline.
  await chain.hq.kill9();
  const started = performance.now();
  const offline = await sites(chain.store("S1"), "MILK");
  expect(performance.now() - started).toBeLessThan(3_000);
  expect(offline.body).toMatchObject({ here: { onHandMilli: 4000 }, reachable: false, sites: [] });
}, 120_000);
