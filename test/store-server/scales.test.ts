/**
 * Label scales programmed by the store over the ringup line protocol, with a simulated scale
 * on a loopback port: a full upload of the weighed goods of the scale's departments, a link
 * lost halfway (the scale says "partly programmed") completed by the next sync sending only
 * what is missing, a scale that answers garbage, and a price too long for the scale's field.
 */
import { afterEach, describe, expect, test } from "bun:test";
import { openLabelScale } from "../../src/devices/label-scale/ringup-line-scale.ts";
import { SimulatedLabelScale } from "../../src/devices/label-scale/simulated-label-scale.ts";
import { addUser, createTestStore, loginAt, type TestStore } from "../support/store-app.ts";

const API = "/api/v1";
let store: TestStore;
let scale: SimulatedLabelScale;

async function startWith(options: ConstructorParameters<typeof SimulatedLabelScale>[0] = {}): Promise<void> {
  scale = new SimulatedLabelScale(options);
  const uri = await scale.listen();
  store = createTestStore({
    settings: { currency: "USD", scales: [{ id: "deli-1", uri, protocol: "ringup", departments: ["10"] }] },
  });
  store.ctx.labelScales = openLabelScale;
  await store.request("POST", `${API}/departments`, { id: "10", name: "Deli" });
  await store.request("POST", `${API}/departments`, { id: "20", name: "Produce" });
  for (const product of [
    { code: "101", name: "Ham", priceMinor: 1299, unit: "kg", soldByWeight: true, department: "10" },
    { code: "102", name: "Salami", priceMinor: 2450, unit: "kg", soldByWeight: true, department: "10" },
    { code: "103", name: "Olives", priceMinor: 899, unit: "kg", soldByWeight: true, department: "10" },
    { code: "104", name: "Feta", priceMinor: 1590, unit: "kg", soldByWeight: true, department: "10" },
    { code: "105", name: "Bread", priceMinor: 350, department: "10" },
    { code: "4011", name: "Bananas", priceMinor: 199, unit: "kg", soldByWeight: true, department: "20" },
  ]) {
    const res = await store.request("POST", `${API}/products`, product);
    if (res.status >= 300) throw new Error(JSON.stringify(res.body));
  }
}

afterEach(async () => {
  store.close();
  await scale.close();
});

const sync = () => store.request("POST", `${API}/scales/sync`, {});
const health = async () =>
  ((await store.request("GET", `${API}/scales`)).body.scales as Record<string, unknown>[])[0];

describe("label scales", () => {
  test("a full upload sends the weighed goods of the scale's departments, and the health view says so", async () => {
    await startWith();
    const res = await sync();
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ synced: [{ scale: "deli-1", sent: 4, total: 4 }] });
    expect([...scale.plus.keys()].sort()).toEqual([101, 102, 103, 104]);
    expect(scale.plus.get(102)).toEqual(["102", "Salami", "2450", "0", "0", "10"]);
    expect(await health()).toMatchObject({
      id: "deli-1",
      reachable: true,
      state: "ready",
      plusSent: 4,
      plusTotal: 4,
      programming: "complete",
      error: null,
    });
    expect(typeof (await health())?.lastSyncAt).toBe("string");
    // Nothing changed: nothing is sent again.
    expect((await sync()).body).toEqual({ synced: [{ scale: "deli-1", sent: 0, total: 4 }] });
    expect(scale.written).toHaveLength(4);
  });

  test("a link lost halfway leaves the scale partly programmed; the next sync sends only the rest", async () => {
    await startWith({ dropAfter: 2 });
    const res = await sync();
    expect(res.status).toBe(503);
    expect(res.body.error).toMatchObject({ code: "SCALE_UNREACHABLE", details: { sent: 2, remaining: 2 } });
    expect(String((res.body.error as { message: string }).message)).toContain("partly programmed");
    expect(await health()).toMatchObject({ plusSent: 2, plusTotal: 4, programming: "partial" });
    scale.heal();
    const retry = await sync();
    expect(retry.body).toEqual({ synced: [{ scale: "deli-1", sent: 2, total: 4 }] });
    expect(scale.written).toEqual([101, 102, 103, 104]);
    expect(await health()).toMatchObject({ plusSent: 4, programming: "complete", error: null });
  });

  test("a scale that answers garbage is a clear error and is not counted as programmed", async () => {
    await startWith({ garbage: true });
    const res = await sync();
    expect(res.status).toBe(503);
    expect(res.body.error).toMatchObject({ code: "SCALE_GARBAGE" });
    expect(String((res.body.error as { message: string }).message)).toContain(
      "answered something it should not",
    );
    expect(await health()).toMatchObject({ reachable: false, plusSent: 0, programming: "none" });
  });

  test("a price too long for the scale's field is refused before anything is sent", async () => {
    await startWith();
    const added = await store.request("POST", `${API}/products`, {
      code: "106",
      name: "Saffron",
      priceMinor: 1_234_567,
      unit: "kg",
      soldByWeight: true,
      department: "10",
    });
    expect(added.status).toBeLessThan(300);
    const res = await sync();
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: "SCALE_PRICE_TOO_LONG",
      details: { code: "106", field: "unitPriceMinor", limit: 6 },
    });
    expect(scale.written).toEqual([]);
  });

  test("an unknown scale is a 404 and a bad body a 400; nothing is sent", async () => {
    await startWith();
    expect((await store.request("POST", `${API}/scales/sync`, { scale: "nope" })).status).toBe(404);
    expect((await store.request("POST", `${API}/scales/sync`, { scale: 5 })).status).toBe(400);
    expect(scale.written).toEqual([]);
  });

  test("a cashier may neither sync the scales nor see them", async () => {
    await startWith();
    await addUser(store, { name: "Cas", role: "cashier", pin: "4821" });
    const token = await loginAt(store, "T1", "4821");
    const denied = await store.request("POST", `${API}/scales/sync`, {}, token);
    expect(denied.status).toBe(403);
    expect((await store.request("GET", `${API}/scales`, undefined, token)).status).toBe(403);
    expect(scale.written).toEqual([]);
  });

  test("the scale's sales totals are read back per PLU", async () => {
    await startWith();
    await sync();
    scale.sell(102, 455);
    scale.sell(102, 1000);
    const res = await store.request("GET", `${API}/scales/deli-1/totals`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      scale: "deli-1",
      totals: [{ pluNo: 102, code: "102", weightMilli: 1455, amountMinor: 3565, labels: 2 }],
    });
    expect((await store.request("GET", `${API}/scales/nope/totals`)).status).toBe(404);
  });
});
