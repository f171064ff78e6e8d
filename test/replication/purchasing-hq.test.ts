/**
 * Head office keeps each store's purchasing from its replicated events and answers the same
 * reads as the store, on real processes (nats-server, head office, two stores): vendors,
 * orders, credits and supplier performance for a store equal the store's own answers, and the
 * chain-wide figures add the stores up. Applying the events again changes nothing.
 */
import { expect, test } from "bun:test";
import { uuidv7 } from "../../src/core/ids.ts";
import { startChain, waitConverged } from "./support/chain.ts";
import { postOk } from "./support/purchasing.ts";

type Json = Record<string, unknown>;

async function read(api: (path: string) => Promise<Response>, path: string): Promise<Json> {
  const res = await api(`/api/v1${path}`);
  const text = await res.text();
  expect(res.status, `${path}: ${text}`).toBe(200);
  return JSON.parse(text) as Json;
}

/** A store's answer and head office's for that store, without head office's `storeId`. */
function withoutStore(answer: Json): Json {
  const { storeId: _storeId, ...rest } = answer;
  return rest;
}

test("head office answers a store's purchasing and supplier performance as the store does", async () => {
  await using chain = await startChain({ storeIds: ["S1", "S2"] });
  const s1 = chain.store("S1");
  const s2 = chain.store("S2");

  await postOk(s1, "/vendors", { id: "DAIRY", name: "North Dairy", paymentTerms: "net 30" });
  await postOk(s1, "/vendors/DAIRY/items", { code: "MILK", costMinor: 100, leadTimeDays: 2 });
  await postOk(s1, "/vendors", { id: "FARM", name: "Farm Direct" });
  await postOk(s1, "/vendors/FARM/items", { code: "MILK", costMinor: 90, leadTimeDays: 3 });
  const dairyOrder = await postOk<{ id: string }>(s1, "/purchase-orders", {
    id: uuidv7(),
    vendorId: "DAIRY",
    lines: [{ code: "MILK", qty: 10 }],
    expectedAt: "2099-12-31",
    send: true,
  });
  const receipt = await postOk<{ id: string }>(s1, `/purchase-orders/${dairyOrder.id}/receipts`, {
    id: uuidv7(),
    lines: [{ code: "MILK", qty: 8, costMinor: 105 }],
    invoice: { number: "INV-1", date: "2026-12-09", landedCostMinor: 16 },
  });
  await postOk(s1, `/purchase-orders/${dairyOrder.id}/status`, { status: "received" });
  const credit = await postOk<{ id: string }>(s1, "/vendor-credits", {
    id: uuidv7(),
    vendorId: "DAIRY",
    receiptId: receipt.id,
    lines: [{ code: "MILK", qty: 1, reason: "damaged", amountMinor: 107 }],
  });
  await postOk(s1, `/vendor-credits/${credit.id}/settle`, { reference: "CN-9" });
  const farmOrder = await postOk<{ id: string }>(s1, "/purchase-orders", {
    id: uuidv7(),
    vendorId: "FARM",
    lines: [{ code: "MILK", qty: 5 }],
    send: true,
  });
  await postOk(s1, `/purchase-orders/${farmOrder.id}/receipts`, { id: uuidv7() });

  await postOk(s2, "/vendors", { id: "DAIRY", name: "North Dairy" });
  await postOk(s2, "/vendors/DAIRY/items", { code: "MILK", costMinor: 110 });
  const s2Order = await postOk<{ id: string }>(s2, "/purchase-orders", {
    id: uuidv7(),
    vendorId: "DAIRY",
    lines: [{ code: "MILK", qty: 4 }],
    send: true,
  });
  await postOk(s2, `/purchase-orders/${s2Order.id}/receipts`, { id: uuidv7() });
  await waitConverged(chain);

  const atHq = (path: string) => read((p) => chain.hq.api(p), path);
  const atS1 = (path: string) => read((p) => s1.api(p), path);

  for (const path of [
    "/reports/vendors",
    "/reports/vendors?from=2020-01-01&to=2099-12-31",
    "/reports/vendors/DAIRY",
    "/reports/vendors/FARM",
    "/reports/cheapest-vendor?code=MILK",
  ]) {
    const sep = path.includes("?") ? "&" : "?";
    const hq = await atHq(`${path}${sep}storeId=S1`);
    expect(hq.storeId).toBe("S1");
    expect(withoutStore(hq)).toEqual(await atS1(path));
  }
  // By hand: DAIRY 8 of 10 came (the order closed short), 8 × 105 + 16 landed; FARM 5 of 5 at 90.
  const s1Report = await atHq("/reports/vendors?storeId=S1");
  expect(s1Report.vendors).toEqual([
    expect.objectContaining({
      vendorId: "DAIRY",
      fill: expect.objectContaining({ orderedMilli: 10_000, receivedMilli: 8_000, byQty: 0.8 }),
      onTime: { receipts: 1, onTime: 1, rate: 1 },
      credits: { count: 1, openMinor: 0, settledMinor: 107 },
      costChanges: { count: 1, increases: 1, decreases: 0 },
      purchasedMinor: 856,
    }),
    expect.objectContaining({
      vendorId: "FARM",
      fill: expect.objectContaining({ byQty: 1 }),
      purchasedMinor: 450,
    }),
  ]);
  // 8 from DAIRY for 856 (107 each) against FARM's 90: 720, a saving of 136.
  expect(await atHq("/reports/cheapest-vendor?code=MILK&storeId=S1")).toMatchObject({
    cheapestVendorId: "FARM",
    savingMinor: 136,
  });

  // The chain: DAIRY's 8 of 10 at S1 and 4 of 4 at S2.
  const chainReport = await atHq("/reports/vendors");
  expect(chainReport.storeId).toBeNull();
  expect(chainReport.vendors).toContainEqual(
    expect.objectContaining({
      vendorId: "DAIRY",
      ordersMeasured: 2,
      fill: expect.objectContaining({ orderedMilli: 14_000, receivedMilli: 12_000, byQty: 0.8571 }),
      // 856 at S1, 4 × 110 at S2.
      purchasedMinor: 1296,
    }),
  );

  // Vendors, orders and credits as each store has them.
  const vendors = (await atHq("/vendors?storeId=S1")).vendors as Json[];
  const storeVendors = (await atS1("/vendors")).vendors as Json[];
  expect(vendors.map((v) => [v.id, v.name, v.paymentTerms, v.itemCount, v.active])).toEqual(
    storeVendors.map((v) => [v.id, v.name, v.paymentTerms, v.itemCount, v.active]),
  );
  expect(((await atHq("/vendors")).vendors as Json[]).map((v) => `${v.storeId}/${v.id}`)).toEqual([
    // By store, then by name.
    "S1/FARM",
    "S1/DAIRY",
    "S2/DAIRY",
  ]);
  const dairy = await atHq("/vendors/DAIRY?storeId=S1");
  expect(dairy.items).toEqual([
    expect.objectContaining({
      code: "MILK",
      costMinor: 105,
      leadTimeDays: 2,
      costHistory: [
        expect.objectContaining({
          costMinor: 105,
          previousCostMinor: 100,
          source: "invoice",
          refId: receipt.id,
        }),
        expect.objectContaining({ costMinor: 100, previousCostMinor: null, source: "manual" }),
      ],
    }),
  ]);
  const order = await atHq(`/purchase-orders/${dairyOrder.id}`);
  const storeOrder = await atS1(`/purchase-orders/${dairyOrder.id}`);
  expect(order).toMatchObject({
    storeId: "S1",
    number: storeOrder.number,
    status: "received",
    sentAt: storeOrder.sentAt,
    closedAt: storeOrder.closedAt,
    totalMinor: storeOrder.totalMinor,
    lines: [{ code: "MILK", orderedMilli: 10_000, receivedMilli: 8_000, costMinor: 100 }],
    receipts: [{ id: receipt.id, invoiceNumber: "INV-1", landedCostMinor: 16 }],
  });
  expect(((await atHq("/purchase-orders?storeId=S2")).orders as Json[]).map((o) => o.id)).toEqual([
    s2Order.id,
  ]);
  const credits = (await atHq("/vendor-credits?status=settled")).credits as Json[];
  expect(credits).toEqual([
    expect.objectContaining({ storeId: "S1", id: credit.id, totalMinor: 107, settlementRef: "CN-9" }),
  ]);

  // Bad input: an unknown store, vendor or product is a precise 4xx.
  expect((await chain.hq.api("/api/v1/reports/vendors?storeId=NOPE")).status).toBe(404);
  expect((await chain.hq.api("/api/v1/reports/vendors/NOPE?storeId=S1")).status).toBe(404);
  expect((await chain.hq.api("/api/v1/reports/cheapest-vendor?code=NO-SUCH")).status).toBe(404);
  expect((await chain.hq.api("/api/v1/vendors/DAIRY")).status).toBe(400);
}, 240_000);
