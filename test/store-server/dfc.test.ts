/**
 * The DFC connector's routes: the catalog as DFC documents (enterprise, supplied products with
 * their stock and offers with price), a hub's order for our offers read into the orders it would
 * create, and bad documents refused precisely (bounded before parsing) without changing anything.
 */
import { afterEach, beforeEach, expect, test } from "bun:test";
import { uuidv7 } from "../../src/core/ids.ts";
import { createTestStore, type JsonObject, type TestStore } from "../support/store-app.ts";

const API = "/api/v1";
const BASE = "https://coop.example";
let store: TestStore;
afterEach(() => store.close());

type Graph = { "@context": string; "@graph": JsonObject[] };

async function get(path: string): Promise<{ status: number; type: string | null; body: Graph }> {
  const res = await store.app.handle(
    new Request(`http://store.test${API}${path}`, {
      headers: { authorization: `Bearer ${store.adminToken}` },
    }),
  );
  return { status: res.status, type: res.headers.get("content-type"), body: (await res.json()) as Graph };
}

function counts(): number[] {
  return ["products", "stock_movements", "sales", "events", "audit"].map((t) => store.count(t));
}

beforeEach(async () => {
  store = createTestStore({
    settings: {
      currency: "EUR",
      publicUrl: BASE,
      taxClasses: [{ id: "R", name: "Reduced", rate: "5.5" }],
      legal: {
        name: "Green Basket Co-op",
        address: ["12 Market Street", "75011 Paris"],
        taxId: "FR40123456789",
        country: "FR",
      },
    },
  });
  for (const p of [
    { code: "APPLE", name: "Apples", priceMinor: 199, taxClass: "R", soldByWeight: true },
    { code: "EGGS", name: "Eggs x6", priceMinor: 320, taxClass: "R" },
  ]) {
    expect((await store.request("POST", `${API}/products`, p)).status).toBe(200);
  }
  const received = await store.request("POST", `${API}/stock/documents`, {
    id: uuidv7(),
    type: "receipt",
    post: true,
    lines: [{ code: "EGGS", qty: 24, unitCostMinor: 150 }],
  });
  expect(received.status).toBe(201);
});

test("the enterprise, supplied products and offers are DFC documents with price and stock", async () => {
  const ent = await get("/dfc/enterprise");
  expect(ent.status).toBe(200);
  expect(ent.type).toContain("application/ld+json");
  expect(ent.body["@context"]).toBe("https://www.datafoodconsortium.org");
  expect(ent.body["@graph"][0]).toMatchObject({
    "@id": `${BASE}/api/v1/dfc/enterprise`,
    "@type": "dfc-b:Enterprise",
    "dfc-b:name": "Green Basket Co-op",
    "dfc-b:VATnumber": "FR40123456789",
    "dfc-b:supplies": [
      { "@id": `${BASE}/api/v1/dfc/supplied-products/APPLE` },
      { "@id": `${BASE}/api/v1/dfc/supplied-products/EGGS` },
    ],
  });
  expect(ent.body["@graph"][1]).toMatchObject({ "@type": "dfc-b:Address", "dfc-b:hasCountry": "FR" });

  const products = await get("/dfc/supplied-products");
  const byId = new Map(products.body["@graph"].map((n) => [n["@id"], n]));
  expect(byId.get(`${BASE}/api/v1/dfc/supplied-products/APPLE`)).toMatchObject({
    "@type": "dfc-b:SuppliedProduct",
    "dfc-b:name": "Apples",
    "dfc-b:hasQuantity": { "dfc-b:hasUnit": "dfc-m:Kilogram", "dfc-b:value": 1 },
  });
  expect(byId.get(`${BASE}/api/v1/dfc/catalog-items/EGGS`)).toMatchObject({
    "@type": "dfc-b:CatalogItem",
    "dfc-b:sku": "EGGS",
    "dfc-b:stockLimitation": 24,
  });
  expect(byId.get(`${BASE}/api/v1/dfc/offers/EGGS`)).toEqual({
    "@id": `${BASE}/api/v1/dfc/offers/EGGS`,
    "@type": "dfc-b:Offer",
    "dfc-b:offeredItem": { "@id": `${BASE}/api/v1/dfc/supplied-products/EGGS` },
    "dfc-b:hasPrice": {
      "@type": "dfc-b:Price",
      "dfc-b:value": 3.2,
      "dfc-b:VATrate": 5.5,
      "dfc-b:hasUnit": "dfc-m:Euro",
    },
    "dfc-b:stockLimitation": 24,
  });
  const page = await get("/dfc/offers?after=APPLE&limit=1");
  expect(page.body["@graph"].map((n) => n["@id"])).toEqual([`${BASE}/api/v1/dfc/offers/EGGS`]);
  expect((await get("/dfc/supplied-products/NOPE")).status).toBe(404);
});

test("a hub's order for our offers is read into the order it would create, and nothing is stored", async () => {
  const before = counts();
  const res = await store.request<JsonObject>("POST", `${API}/dfc/orders`, {
    "@context": "https://www.datafoodconsortium.org",
    "@graph": [
      {
        "@id": "https://hub.example/api/dfc/enterprises/3/orders/55",
        "@type": "dfc-b:Order",
        "dfc-b:orderNumber": "R55",
        "dfc-b:orderedBy": { "@id": "https://hub.example/people/8" },
        "dfc-b:hasPart": [{ "@id": "https://hub.example/api/dfc/enterprises/3/orders/55/lines/1" }],
      },
      {
        "@id": "https://hub.example/api/dfc/enterprises/3/orders/55/lines/1",
        "@type": "dfc-b:OrderLine",
        "dfc-b:quantity": "2",
        "dfc-b:concerns": { "@id": `${BASE}/api/v1/dfc/offers/EGGS` },
      },
    ],
  });
  expect(res.status).toBe(200);
  expect(res.body).toEqual({
    created: false,
    pickupStore: "S1",
    orders: [
      {
        externalId: "https://hub.example/api/dfc/enterprises/3/orders/55",
        number: "R55",
        date: null,
        customer: "https://hub.example/people/8",
        status: null,
        pickup: null,
        lines: [
          {
            code: "EGGS",
            name: "Eggs x6",
            qty: "2",
            qtyMilli: 2000,
            offer: `${BASE}/api/v1/dfc/offers/EGGS`,
          },
        ],
      },
    ],
  });
  expect(counts()).toEqual(before);
});

test("bad order documents are refused precisely, bounded before parsing, and change nothing", async () => {
  const before = counts();
  const line = (offer: string) => ({
    "@graph": [
      { "@id": "o", "@type": "dfc-b:Order", "dfc-b:hasPart": { "@id": "l" } },
      { "@id": "l", "@type": "dfc-b:OrderLine", "dfc-b:quantity": 1, "dfc-b:concerns": offer },
    ],
  });
  const cases: [unknown, number, string | null][] = [
    [{ "@graph": [] }, 400, "DFC_NO_ORDER"],
    [line(`${BASE}/api/v1/dfc/offers/GONE`), 404, "DFC_PRODUCT_NOT_FOUND"],
    [line("https://elsewhere.example/offers/1"), 400, "DFC_UNKNOWN_OFFER"],
    ["not json at all", 400, null],
    [42, 400, null],
  ];
  for (const [body, status, code] of cases) {
    const res = await store.request<{ error: { code: string } }>(
      "POST",
      `${API}/dfc/orders`,
      typeof body === "string" ? body : JSON.stringify(body),
    );
    expect([res.status, code === null || res.body.error.code === code]).toEqual([status, true]);
  }
  // Nesting deeper than the store's bound is refused before it is parsed.
  let deep: unknown = { "@type": "dfc-b:Order" };
  for (let i = 0; i < 64; i++) deep = { "dfc-b:hasPart": deep };
  const tooDeep = await store.request<{ error: { code: string } }>(
    "POST",
    `${API}/dfc/orders`,
    JSON.stringify(deep),
  );
  expect([tooDeep.status, tooDeep.body.error.code]).toEqual([400, "JSON_TOO_DEEP"]);
  const big = await store.request<{ error: { code: string } }>(
    "POST",
    `${API}/dfc/orders`,
    JSON.stringify({ "@graph": [{ "dfc-b:name": "x".repeat(1_100_000) }] }),
  );
  expect(big.status).toBe(413);
  expect(counts()).toEqual(before);
});
