/** Helpers of the purchasing tests across the chain. */
import { expect } from "bun:test";
import type { StoreProcess } from "../../support/store-process.ts";
import { type Chain, giveTestTaxClasses } from "./chain.ts";

/** POSTs to the store's API and answers the body; anything but a 2xx fails the test. */
export async function postOk<T = Record<string, unknown>>(
  store: StoreProcess,
  path: string,
  body: unknown,
): Promise<T> {
  const res = await store.api(`/api/v1${path}`, { method: "POST", body: JSON.stringify(body) });
  const text = await res.text();
  expect(res.status, text).toBeLessThan(300);
  return JSON.parse(text) as T;
}

/** Registers a store at head office with the test tax classes; answers its head office token. */
export async function registerStore(chain: Chain, storeId: string): Promise<string> {
  const registered = await chain.hq.api("/api/v1/stores", {
    method: "POST",
    body: JSON.stringify({ storeId, name: `Shop ${storeId}` }),
  });
  expect(registered.status).toBe(201);
  const token = ((await registered.json()) as { credentials: { apiToken: string } }).credentials.apiToken;
  await giveTestTaxClasses(chain.hq, storeId);
  return token;
}
