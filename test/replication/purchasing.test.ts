/**
 * Purchasing across the chain, with a real nats-server, head office and a store: the vendor,
 * its catalog's costs, the order through its statuses, the goods receipt (with its stock
 * document) and the credit reach head office as events carrying what supplier performance
 * needs (dates, quantities ordered against received, costs), and head office's stock of the
 * store equals the store's own.
 */
import { expect, test } from "bun:test";
import { uuidv7 } from "../../src/core/ids.ts";
import type { StoreProcess } from "../support/store-process.ts";
import { startChain, waitConverged } from "./support/chain.ts";

async function call<T>(store: StoreProcess, path: string, body: unknown): Promise<T> {
  const res = await store.api(`/api/v1${path}`, { method: "POST", body: JSON.stringify(body) });
  const text = await res.text();
  expect(res.status, text).toBeLessThan(300);
  return JSON.parse(text) as T;
}

test("purchasing events replicate to head office with their dates, quantities and costs", async () => {
  await using chain = await startChain({ storeIds: ["S1"] });
  const s1 = chain.store("S1");
  await call(s1, "/vendors", { id: "DAIRY", name: "North Dairy", paymentTerms: "net 30" });
  await call(s1, "/vendors/DAIRY/items", { code: "MILK", costMinor: 100, leadTimeDays: 2 });
  const po = await call<{ id: string }>(s1, "/purchase-orders", {
    id: uuidv7(),
    vendorId: "DAIRY",
    lines: [{ code: "MILK", qty: 10 }],
    expectedAt: "2026-12-10",
    send: true,
  });
  const receipt = await call<{ id: string }>(s1, `/purchase-orders/${po.id}/receipts`, {
    id: uuidv7(),
    lines: [{ code: "MILK", qty: 8, costMinor: 105 }],
    invoice: { number: "INV-1", date: "2026-12-09", landedCostMinor: 16 },
  });
  await call(s1, "/vendor-credits", {
    id: uuidv7(),
    vendorId: "DAIRY",
    receiptId: receipt.id,
    lines: [{ code: "MILK", qty: 1, reason: "damaged", amountMinor: 107 }],
  });
  await waitConverged(chain);

  const events = chain.hq
    .db()
    .query<{ type: string; payload: string }, []>(
      "SELECT type, payload FROM ingested_events WHERE store_id = 'S1' AND (type LIKE 'vendor.%' OR type LIKE 'purchase.%') ORDER BY seq",
    )
    .all();
  expect(events.map((e) => e.type)).toEqual([
    "vendor.changed",
    "vendor.items_changed",
    "purchase.order_changed",
    "purchase.order_changed",
    "vendor.items_changed",
    "purchase.goods_received",
    "vendor.credit_changed",
  ]);
  const payload = (type: string, nth = 0) =>
    JSON.parse(events.filter((e) => e.type === type)[nth]?.payload ?? "{}") as Record<string, unknown>;
  expect(payload("purchase.order_changed", 1)).toMatchObject({
    status: "partly_received",
    expectedAt: "2026-12-10",
    lines: [{ code: "MILK", orderedMilli: 10_000, receivedMilli: 8_000, costMinor: 100 }],
  });
  expect(payload("purchase.goods_received")).toMatchObject({
    id: receipt.id,
    orderId: po.id,
    invoiceNumber: "INV-1",
    landedCostMinor: 16,
    lines: [
      {
        code: "MILK",
        openMilli: 10_000,
        receivedMilli: 8_000,
        costMinor: 105,
        landedMinor: 16,
        unitCostMinor: 107,
      },
    ],
  });
  expect(payload("vendor.items_changed", 1)).toMatchObject({
    source: "invoice",
    refId: receipt.id,
    items: [{ code: "MILK", costMinor: 105, previousCostMinor: 100 }],
  });

  // The receipt's stock document moved head office's stock of the store as it did the store's.
  const atHq = (await (await chain.hq.api("/api/v1/stock?code=MILK")).json()) as {
    sites: { storeId: string; onHandMilli: number }[];
  };
  const atStore = (await (await s1.api("/api/v1/stock?code=MILK")).json()) as { onHandMilli: number };
  expect(atHq.sites.find((s) => s.storeId === "S1")?.onHandMilli).toBe(atStore.onHandMilli);
}, 180_000);
