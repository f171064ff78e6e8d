/**
 * A hub's DFC orders placed at their pick-up store (`POST /dfc/orders/place`): each DFC order
 * becomes a real order, its stock reserved, once by the order's @id however often the hub posts
 * it; a document the store cannot take whole changes nothing. The documents are written from the
 * DFC ontology (dfc-b:Order, dfc-b:OrderLine, dfc-b:Offer, dfc-b:PickupOption, dfc-b:Price).
 */
import { afterEach, beforeEach, expect, test } from "bun:test";
import { uuidv7 } from "../../src/core/ids.ts";
import { createTestStore, type JsonObject, type TestStore } from "../support/store-app.ts";

const API = "/api/v1";
const BASE = "https://coop.example";
const HUB = "https://hub.example/api/dfc/enterprises/3";
const SLOT = "date=2026-12-09&from=17:00&to=18:00";
let store: TestStore;
afterEach(() => store.close());

beforeEach(async () => {
  store = createTestStore({ settings: { currency: "EUR", publicUrl: BASE } });
  for (const p of [
    { code: "APPLE", name: "Apples", priceMinor: 199, taxClass: null, soldByWeight: true },
    { code: "EGGS", name: "Eggs x6", priceMinor: 320, taxClass: null },
  ]) {
    expect((await store.request("POST", `${API}/products`, p)).status).toBe(200);
  }
  const received = await store.request("POST", `${API}/stock/documents`, {
    id: uuidv7(),
    type: "receipt",
    post: true,
    lines: [
      { code: "EGGS", qty: 24, unitCostMinor: 150 },
      { code: "APPLE", qty: 10, unitCostMinor: 90 },
    ],
  });
  expect(received.status).toBe(201);
});

/** Two orders as a hub sends them: OFN's (no line price, its offer priced) and one with a line total. */
function hubDocument(eggs = "2") {
  return {
    "@context": "https://www.datafoodconsortium.org",
    "@graph": [
      {
        "@id": `${HUB}/orders/55`,
        "@type": "dfc-b:Order",
        "dfc-b:orderNumber": "R55",
        "dfc-b:orderedBy": { "@id": "https://hub.example/people/8" },
        "dfc-b:selects": { "@id": `${HUB}/pickup/1` },
        "dfc-b:hasPart": [{ "@id": `${HUB}/orders/55/lines/1` }],
      },
      { "@id": `${HUB}/pickup/1`, "@type": "dfc-b:PickupOption", "dfc-b:name": "Co-op shop, Tuesday" },
      {
        "@id": `${HUB}/orders/55/lines/1`,
        "@type": "dfc-b:OrderLine",
        "dfc-b:quantity": eggs,
        "dfc-b:concerns": {
          "@id": `${HUB}/offers/9`,
          "@type": "dfc-b:Offer",
          "dfc-b:offeredItem": { "@id": `${BASE}/api/v1/dfc/supplied-products/EGGS` },
          "dfc-b:hasPrice": { "@type": "dfc-b:Price", "dfc-b:value": "3.00", "dfc-b:hasUnit": "dfc-m:Euro" },
        },
      },
      {
        "@id": `${HUB}/orders/56`,
        "@type": "dfc-b:Order",
        "dfc-b:orderNumber": "R56",
        "dfc-b:hasPart": [
          {
            "@id": `${HUB}/orders/56/lines/1`,
            "@type": "dfc-b:OrderLine",
            "dfc-b:quantity": "1.5",
            "dfc-b:concerns": { "@id": `${BASE}/api/v1/dfc/offers/APPLE` },
            "dfc-b:hasPrice": {
              "@type": "dfc-b:Price",
              "dfc-b:value": "3.00",
              "dfc-b:hasUnit": "dfc-m:Euro",
            },
          },
        ],
      },
    ],
  };
}

type Placed = {
  created: boolean;
  pickupStore: string;
  orders: {
    externalId: string;
    id: string;
    number: number;
    status: string;
    totalMinor: number;
    created: boolean;
  }[];
};

async function reserved(code: string): Promise<number> {
  const res = await store.request<{ reserved: number }>("GET", `${API}/stock?code=${code}`);
  return res.body.reserved;
}

test("a hub's orders become orders at the pick-up store, their stock reserved, once by their @id", async () => {
  const first = await store.request<Placed>("POST", `${API}/dfc/orders/place?${SLOT}`, hubDocument());
  expect(first.status).toBe(201);
  expect(first.body.created).toBe(true);
  expect(first.body.pickupStore).toBe("S1");
  expect(first.body.orders.map((o) => [o.externalId, o.number, o.status, o.totalMinor, o.created])).toEqual([
    [`${HUB}/orders/55`, 1, "placed", 600, true],
    [`${HUB}/orders/56`, 2, "placed", 300, true],
  ]);
  expect([await reserved("EGGS"), await reserved("APPLE")]).toEqual([2, 1.5]);

  const order = await store.request<{
    slot: unknown;
    lines: { code: string; qtyMilli: number; unitPriceMinor: number }[];
    history: { action: string }[];
  }>("GET", `${API}/orders/${first.body.orders[0]?.id}`);
  expect(order.body.slot).toEqual({ date: "2026-12-09", from: "17:00", to: "18:00" });
  expect(order.body.lines).toMatchObject([{ code: "EGGS", qtyMilli: 2000, unitPriceMinor: 300 }]);
  expect(order.body.history.map((h) => h.action)).toEqual(["placed"]);

  // The hub posts the same document again: the same orders, nothing more reserved.
  const again = await store.request<Placed>("POST", `${API}/dfc/orders/place?${SLOT}`, hubDocument());
  expect(again.status).toBe(200);
  expect(again.body.created).toBe(false);
  expect(again.body.orders.map((o) => [o.id, o.created])).toEqual(
    first.body.orders.map((o) => [o.id, false]),
  );
  expect(store.count("customer_orders")).toBe(2);
  expect([await reserved("EGGS"), await reserved("APPLE")]).toEqual([2, 1.5]);
});

test("a document the store cannot take whole is refused precisely and changes nothing", async () => {
  const counts = () =>
    ["customer_orders", "order_reservations", "events", "audit"].map((t) => store.count(t));
  const before = counts();
  const doc = hubDocument("100");
  const over = await store.request<{ error: { code: string } }>(
    "POST",
    `${API}/dfc/orders/place?${SLOT}`,
    doc,
  );
  expect([over.status, over.body.error.code]).toEqual([409, "OVER_RESERVATION"]);
  const noSlot = await store.request<{ error: { code: string } }>(
    "POST",
    `${API}/dfc/orders/place`,
    hubDocument(),
  );
  expect(noSlot.status).toBe(400);
  const badSlot = await store.request(
    "POST",
    `${API}/dfc/orders/place?date=2026-12-09&from=18:00&to=17:00`,
    hubDocument(),
  );
  expect(badSlot.status).toBe(400);
  const notOurs = hubDocument();
  (notOurs["@graph"][3] as JsonObject)["dfc-b:hasPart"] = [
    {
      "@type": "dfc-b:OrderLine",
      "dfc-b:quantity": "1",
      "dfc-b:concerns": { "@id": "https://other.example/offers/1" },
    },
  ];
  const unknown = await store.request<{ error: { code: string } }>(
    "POST",
    `${API}/dfc/orders/place?${SLOT}`,
    notOurs,
  );
  expect([unknown.status, unknown.body.error.code]).toEqual([400, "DFC_UNKNOWN_OFFER"]);
  expect(counts()).toEqual(before);
  expect([await reserved("EGGS"), await reserved("APPLE")]).toEqual([0, 0]);
});
