/**
 * Supplier performance at the store through its routes: fill rate, on-time rate, lead time
 * against promised, cost changes and credits per vendor, one vendor's orders, and the cheapest
 * vendor for a product with what buying there would have saved; bad input refused with a
 * precise 4xx. Every expected figure is worked out by hand in the comments.
 */
import { afterEach, beforeEach, describe, expect, test } from "bun:test";
import { uuidv7 } from "../../src/core/ids.ts";
import { createTestStore, type JsonObject, type TestStore } from "../support/store-app.ts";
import { API, seedCatalog } from "./sales-fixtures.ts";

type Body = JsonObject & { error?: { code: string; message: string } };

const DAY = 86_400_000;
let store: TestStore;
beforeEach(async () => {
  // The clock starts on 2026-03-02 at 15:00 UTC.
  store = createTestStore();
  await seedCatalog(store);
});
afterEach(() => store.close());

const get = (path: string) => store.request<Body>("GET", `${API}${path}`);
async function post(path: string, body: unknown): Promise<Body> {
  const res = await store.request<Body>("POST", `${API}${path}`, body);
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  return res.body;
}

/** ACME's order filled short and closed, BOLT's in full; a credit from ACME. */
async function history(): Promise<void> {
  await post("/vendors", { id: "ACME", name: "Acme Foods" });
  await post("/vendors/ACME/items", { code: "MILK", costMinor: 100, leadTimeDays: 2 });
  await post("/vendors/ACME/items", { code: "BREAD", costMinor: 50, leadTimeDays: 1 });
  await post("/vendors", { id: "BOLT", name: "Bolt Wholesale" });
  await post("/vendors/BOLT/items", { code: "MILK", costMinor: 90, leadTimeDays: 4 });

  const acme = await post("/purchase-orders", {
    id: uuidv7(),
    vendorId: "ACME",
    lines: [
      { code: "MILK", qty: 10 },
      { code: "BREAD", qty: 4 },
    ],
    expectedAt: "2026-03-04",
    send: true,
  });
  const bolt = await post("/purchase-orders", {
    id: uuidv7(),
    vendorId: "BOLT",
    lines: [{ code: "MILK", qty: 10 }],
    send: true,
  });
  store.clock.advance(DAY);
  const receipt = await post(`/purchase-orders/${acme.id}/receipts`, {
    id: uuidv7(),
    lines: [
      { code: "MILK", qty: 8, costMinor: 105 },
      { code: "BREAD", qty: 4 },
    ],
    invoice: { number: "INV-1", date: "2026-03-03", landedCostMinor: 16 },
  });
  await post(`/purchase-orders/${acme.id}/status`, { status: "received" });
  await post("/vendor-credits", {
    id: uuidv7(),
    vendorId: "ACME",
    receiptId: receipt.id,
    lines: [{ code: "MILK", qty: 1, reason: "damaged", amountMinor: 107 }],
  });
  store.clock.advance(2 * DAY);
  await post(`/purchase-orders/${bolt.id}/receipts`, { id: uuidv7() });
}

describe("supplier performance at the store", () => {
  test("every vendor's fill, on-time rate, lead time, cost changes, credits and purchases", async () => {
    await history();
    const res = await get("/reports/vendors");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      from: null,
      to: null,
      vendors: [
        {
          vendorId: "ACME",
          name: "Acme Foods",
          ordersMeasured: 1,
          ordersOpen: 0,
          fill: {
            // 10 milk and 4 bread ordered; 8 milk and 4 bread came.
            orderedMilli: 14_000,
            receivedMilli: 12_000,
            // 10 × 100 + 4 × 50 = 1200; 8 × 100 + 4 × 50 = 1000 (at the order's costs).
            orderedValueMinor: 1200,
            receivedValueMinor: 1000,
            byQty: 0.8571,
            byValue: 0.8333,
          },
          // Received on 03-03, promised by 03-04.
          onTime: { receipts: 1, onTime: 1, rate: 1 },
          // Sent and received one day apart; promised the longer of 2 and 1 days.
          leadTime: { orders: 1, observedDays: 1, promisedDays: 2 },
          // MILK 100 → 105 from the invoice.
          costChanges: { count: 1, increases: 1, decreases: 0 },
          credits: { count: 1, openMinor: 107, settledMinor: 0 },
          // 8 × 105 + 4 × 50 + 16 landed.
          purchasedMinor: 1056,
        },
        {
          vendorId: "BOLT",
          name: "Bolt Wholesale",
          ordersMeasured: 1,
          ordersOpen: 0,
          fill: {
            orderedMilli: 10_000,
            receivedMilli: 10_000,
            orderedValueMinor: 900,
            receivedValueMinor: 900,
            byQty: 1,
            byValue: 1,
          },
          onTime: { receipts: 0, onTime: 0, rate: null },
          leadTime: { orders: 1, observedDays: 3, promisedDays: 4 },
          costChanges: { count: 0, increases: 0, decreases: 0 },
          credits: { count: 0, openMinor: 0, settledMinor: 0 },
          purchasedMinor: 900,
        },
      ],
    });
    // A period of days with none of it.
    const later = await get("/reports/vendors?from=2026-03-06&to=2026-03-31");
    expect(later.body.vendors).toEqual([
      expect.objectContaining({ vendorId: "ACME", ordersMeasured: 0, purchasedMinor: 0 }),
      expect.objectContaining({ vendorId: "BOLT", ordersMeasured: 0, purchasedMinor: 0 }),
    ]);
  });

  test("one vendor with its orders, cost changes and credits", async () => {
    await history();
    const res = await get("/reports/vendors/ACME?from=2026-03-01&to=2026-03-31");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      from: "2026-03-01",
      to: "2026-03-31",
      vendor: { vendorId: "ACME", fill: { byQty: 0.8571 } },
      orders: [
        {
          number: 1,
          status: "received",
          expectedAt: "2026-03-04",
          sentAt: "2026-03-02T15:00:00.000Z",
          firstReceiptAt: "2026-03-03T15:00:00.000Z",
          orderedMilli: 14_000,
          receivedMilli: 12_000,
          observedDays: 1,
          promisedDays: 2,
          onTime: true,
        },
      ],
      // The cost history of the period, oldest first: the catalog's first costs, then the invoice's.
      costChanges: [
        { code: "MILK", previousCostMinor: null, costMinor: 100, source: "manual" },
        { code: "BREAD", previousCostMinor: null, costMinor: 50, source: "manual" },
        { code: "MILK", previousCostMinor: 100, costMinor: 105, source: "invoice" },
      ],
      credits: [{ status: "open", totalMinor: 107, createdDay: "2026-03-03" }],
    });
  });

  test("the cheapest vendor for a product, landed, and what buying everything there would have saved", async () => {
    await history();
    const res = await get("/reports/cheapest-vendor?code=MILK");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      from: null,
      to: null,
      code: "MILK",
      vendors: [
        {
          vendorId: "ACME",
          name: "Acme Foods",
          // 8 × 105 + 13 of the 16 landed (840 : 200 of the invoice's value): 853 for 8.
          qtyMilli: 8_000,
          paidMinor: 853,
          receipts: 1,
          avgUnitCostMinor: 107,
          currentCostMinor: 105,
          // 8 at BOLT's 90.
          atCheapestMinor: 720,
          savingMinor: 133,
        },
        {
          vendorId: "BOLT",
          name: "Bolt Wholesale",
          qtyMilli: 10_000,
          paidMinor: 900,
          receipts: 1,
          avgUnitCostMinor: 90,
          currentCostMinor: 90,
          atCheapestMinor: 900,
          savingMinor: 0,
        },
      ],
      cheapestVendorId: "BOLT",
      qtyMilli: 18_000,
      paidMinor: 1753,
      atCheapestMinor: 1620,
      savingMinor: 133,
    });
  });

  test("bad input is refused with a precise 4xx", async () => {
    await history();
    const unknownVendor = await get("/reports/vendors/NOPE");
    expect(unknownVendor.status).toBe(404);
    expect(unknownVendor.body.error?.code).toBe("VENDOR_NOT_FOUND");
    const unknownCode = await get("/reports/cheapest-vendor?code=NO-SUCH");
    expect(unknownCode.status).toBe(404);
    expect(unknownCode.body.error?.message).toContain("code");
    const backwards = await get("/reports/vendors?from=2026-03-10&to=2026-03-01");
    expect(backwards.status).toBe(400);
    expect(JSON.stringify(backwards.body)).toContain("from must not be after to");
    const badDay = await get("/reports/vendors?from=2026-02-30");
    expect(badDay.status).toBe(400);
  });
});
