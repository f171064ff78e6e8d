/**
 * A custom tender defined at head office reaches a real store over NATS, pays a sale there, and
 * the sale reaches head office with the tender under its id; a return pays back to it. Ended at
 * head office, the store refuses it.
 */
import { afterAll, beforeAll, expect, setDefaultTimeout, test } from "bun:test";
import { uuidv7 } from "../../src/core/ids.ts";
import type { StoreProcess } from "../support/store-process.ts";
import { type Chain, startChain } from "./support/chain.ts";
import { waitFor } from "./support/wait.ts";

setDefaultTimeout(120_000);

let chain: Chain;
let store: StoreProcess;
beforeAll(async () => {
  chain = await startChain({ storeIds: ["S1"] });
  store = chain.store("S1");
}, 60_000);
afterAll(async () => {
  await chain?.[Symbol.asyncDispose]();
}, 60_000);

const voucher = { id: "voucher", name: "Paper voucher", changeAllowed: false };

async function post(
  target: { api(path: string, init?: RequestInit): Promise<Response> },
  path: string,
  body: unknown,
) {
  const res = await target.api(path, { method: "POST", body: JSON.stringify(body) });
  return {
    status: res.status,
    body: (await res.json()) as Record<string, unknown> & { error?: { code: string } },
  };
}

async function storeTenders(): Promise<{ id: string; active: boolean }[]> {
  const res = await store.api("/api/v1/tenders");
  return ((await res.json()) as { tenders: { id: string; active: boolean }[] }).tenders;
}

test("a custom tender from head office pays at the store, reaches head office and is refunded to itself", async () => {
  expect((await post(chain.hq, "/api/v1/tenders", voucher)).status).toBe(201);
  await waitFor(async () => ((await storeTenders()).length === 1 ? true : null), "the tender at the store");

  const id = uuidv7();
  const sale = await post(store, "/api/v1/sales", {
    id,
    tillId: "T1",
    lines: [{ code: "BREAD", qty: 2 }],
    tenders: [
      { type: "custom", tenderId: "voucher", amountMinor: 500 },
      { type: "cash", amountMinor: 50 },
    ],
  });
  expect(sale.status).toBe(201);
  const ret = await post(store, "/api/v1/returns", {
    id: uuidv7(),
    originalSaleId: id,
    lines: [{ code: "BREAD", qty: 1 }],
  });
  expect(ret.status).toBe(201);
  expect(ret.body.tenders).toEqual([{ type: "voucher", amountMinor: 275 }]);

  const atHq = await waitFor(async () => {
    const res = await chain.hq.api(`/api/v1/sales/${id}`);
    if (res.status !== 200) return null;
    const body = (await res.json()) as { tenders: unknown[]; returns: { tenders: unknown[] }[] };
    return body.returns.length > 0 ? body : null;
  }, "the sale and its return at head office");
  expect(atHq.tenders).toEqual([
    { type: "voucher", amountMinor: 500 },
    { type: "cash", amountMinor: 50 },
  ]);
  expect(atHq.returns[0]?.tenders).toEqual([{ type: "voucher", amountMinor: 275 }]);

  expect((await post(chain.hq, "/api/v1/tenders", { ...voucher, active: false })).status).toBe(200);
  await waitFor(
    async () => ((await storeTenders()).length === 0 ? true : null),
    "the tender ended at the store",
  );
  const refused = await post(store, "/api/v1/sales", {
    id: uuidv7(),
    tillId: "T1",
    lines: [{ code: "BREAD" }],
    tenders: [{ type: "custom", tenderId: "voucher", amountMinor: 275 }],
  });
  expect(refused.status).toBe(400);
  expect(refused.body.error?.code).toBe("CUSTOM_TENDER_DISABLED");
});
