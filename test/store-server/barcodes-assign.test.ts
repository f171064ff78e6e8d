/**
 * `POST /barcodes/assign`: in-store codes for products without a barcode, never one the store
 * already has, saved as product changes in the journal; bad input changes nothing.
 */
import { afterEach, beforeEach, expect, test } from "bun:test";
import { createTestStore, type JsonObject, type TestStore } from "../support/store-app.ts";

const API = "/api/v1";
let store: TestStore;

beforeEach(async () => {
  store = createTestStore();
  for (const product of [
    { code: "BREAD", name: "Rye bread", priceMinor: 350 },
    { code: "CAKE", name: "Cake", priceMinor: 900 },
    // Already holds the first code of the 20 range.
    { code: "MILK", name: "Milk", priceMinor: 129, barcodes: ["2000000000015"] },
    {
      code: "2000000000022",
      name: "A product coded like a barcode",
      priceMinor: 100,
      barcodes: ["4006381333931"],
    },
  ]) {
    const res = await store.request("POST", `${API}/products`, product);
    if (res.status >= 300) throw new Error(JSON.stringify(res.body));
  }
});
afterEach(() => store.close());

async function assign(body: JsonObject) {
  return store.request<JsonObject>("POST", `${API}/barcodes/assign`, body);
}

test("products without a barcode get the next free EAN-13 codes, journaled as product changes", async () => {
  const before = store.journalLength();
  const res = await assign({ prefix: "20" });
  expect(res.status).toBe(200);
  expect(res.body).toEqual({
    preview: false,
    assigned: [
      { code: "BREAD", barcode: "2000000000039" },
      { code: "CAKE", barcode: "2000000000046" },
    ],
  });
  expect(store.journalLength()).toBe(before + 2);
  const lookup = await store.request<JsonObject>("GET", `${API}/products/lookup?code=2000000000046`);
  expect(lookup.body).toMatchObject({ product: { code: "CAKE" } });
  // Nothing left to do.
  expect((await assign({})).body).toEqual({ preview: false, assigned: [] });
});

test("EAN-8 codes on request, for named products only; a preview saves nothing", async () => {
  const preview = await assign({ ean8: true, codes: ["CAKE"], preview: true });
  expect(preview.body).toEqual({ preview: true, assigned: [{ code: "CAKE", barcode: "20000011" }] });
  expect((await assign({ ean8: true, codes: ["CAKE"] })).body).toMatchObject({
    assigned: [{ code: "CAKE", barcode: "20000011" }],
  });
  expect((await assign({ ean8: true })).body).toMatchObject({
    assigned: [{ code: "BREAD", barcode: "20000028" }],
  });
});

test("bad input is refused precisely and changes nothing", async () => {
  const german = createTestStore({ settings: { embeddedBarcodes: "DE" } });
  try {
    const res = await german.request<JsonObject>("POST", `${API}/barcodes/assign`, { prefix: "22" });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: "BARCODE_PREFIX_EMBEDDED" } });
  } finally {
    german.close();
  }
  const before = store.journalLength();
  const cases: [JsonObject, string][] = [
    [{ prefix: "30" }, "20 to 29"],
    [{ codes: ["MILK"] }, "BARCODE_NOT_NEEDED"],
    [{ codes: ["NOPE"] }, "NOPE"],
  ];
  for (const [body, says] of cases) {
    const res = await assign(body);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain(says);
  }
  expect(store.journalLength()).toBe(before);
});
