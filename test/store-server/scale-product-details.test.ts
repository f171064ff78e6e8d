/**
 * Tare and shelf life of weighed goods, kept at the store for its label scales: set through the
 * API (catalog permission, audited and journaled), sent in each PLU, and a change sends that
 * PLU again on the next sync. Bad input changes nothing.
 */
import { afterEach, expect, test } from "bun:test";
import { openLabelScale } from "../../src/devices/label-scale/ringup-line-scale.ts";
import { SimulatedLabelScale } from "../../src/devices/label-scale/simulated-label-scale.ts";
import { addUser, createTestStore, loginAt, type TestStore } from "../support/store-app.ts";

const API = "/api/v1";
let store: TestStore;
let scale: SimulatedLabelScale;

async function start(): Promise<void> {
  scale = new SimulatedLabelScale();
  const uri = await scale.listen();
  store = createTestStore({
    settings: { currency: "USD", scales: [{ id: "deli-1", uri, protocol: "ringup" }] },
  });
  store.ctx.labelScales = openLabelScale;
  for (const product of [
    { code: "101", name: "Ham", priceMinor: 1299, unit: "kg", soldByWeight: true },
    { code: "102", name: "Salami", priceMinor: 2450, unit: "kg", soldByWeight: true },
  ]) {
    const res = await store.request("POST", `${API}/products`, product);
    if (res.status >= 300) throw new Error(JSON.stringify(res.body));
  }
}

afterEach(async () => {
  store.close();
  await scale.close();
});

const setDetails = (code: string, body: unknown, token?: string) =>
  store.request("PUT", `${API}/scales/products/${code}`, body, token);

test("tare and shelf life are sent with the PLU, and a change sends that PLU again", async () => {
  await start();
  const set = await setDetails("102", { tareGrams: 15, shelfLifeDays: 21 });
  expect(set.status).toBe(200);
  expect(set.body).toEqual({ code: "102", tareGrams: 15, shelfLifeDays: 21 });
  expect((await store.request("POST", `${API}/scales/sync`, {})).status).toBe(200);
  expect(scale.plus.get(102)).toEqual(["102", "Salami", "2450", "15", "21", ""]);
  expect(scale.plus.get(101)).toEqual(["101", "Ham", "1299", "0", "0", ""]);

  await setDetails("101", { tareGrams: 8, shelfLifeDays: 5 });
  const again = await store.request("POST", `${API}/scales/sync`, {});
  expect(again.body).toEqual({ synced: [{ scale: "deli-1", sent: 1, total: 2 }] });
  expect(scale.plus.get(101)).toEqual(["101", "Ham", "1299", "8", "5", ""]);

  const audit = await store.request("GET", `${API}/audit?action=scales.product_set`);
  expect(audit.status).toBe(200);
  expect(JSON.stringify(audit.body)).toContain('"tareGrams":8');
});

test("bad input is refused precisely and changes nothing", async () => {
  await start();
  expect((await setDetails("102", { tareGrams: -1, shelfLifeDays: 3 })).status).toBe(400);
  expect((await setDetails("102", { tareGrams: 1.5, shelfLifeDays: 3 })).status).toBe(400);
  expect((await setDetails("102", { tareGrams: 10, shelfLifeDays: 3, extra: 1 })).status).toBe(400);
  const unknown = await setDetails("999", { tareGrams: 10, shelfLifeDays: 3 });
  expect(unknown.status).toBe(404);
  expect(unknown.body.error).toMatchObject({ code: "SCALE_PRODUCT_NOT_FOUND" });
  await store.request("POST", `${API}/scales/sync`, {});
  expect(scale.plus.get(102)).toEqual(["102", "Salami", "2450", "0", "0", ""]);
});

test("a cashier may not set them", async () => {
  await start();
  await addUser(store, { name: "Cas", role: "cashier", pin: "4821" });
  const token = await loginAt(store, "T1", "4821");
  expect((await setDetails("102", { tareGrams: 10, shelfLifeDays: 3 }, token)).status).toBe(403);
});
