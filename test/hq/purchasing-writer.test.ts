/**
 * Head office's purchasing writer on a real head office database: a store's purchasing events
 * become its vendors, catalog, cost history, orders, receipts and credits; applying them all
 * again (a replay) or an order's older snapshot after a newer one changes nothing.
 */
import { afterEach, beforeEach, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type EventType, type StoreEvent, sealEvent, type UnsealedEvent } from "../../src/core/events.ts";
import { uuidv7 } from "../../src/core/ids.ts";
import { PurchasingWriter } from "../../src/hq/ingest/apply-purchasing.ts";
import { openTestHqContext } from "../support/hq-app.ts";

let dir: string;
let ctx: ReturnType<typeof openTestHqContext>;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "ringup-hq-purchasing-"));
  ctx = openTestHqContext(dir, { log: () => undefined });
});
afterEach(() => {
  ctx.close();
  rmSync(dir, { recursive: true, force: true });
});

const TABLES = [
  "hq_vendors",
  "hq_vendor_items",
  "hq_vendor_item_costs",
  "hq_purchase_orders",
  "hq_purchase_receipts",
  "hq_vendor_credits",
];
function tables(): Record<string, unknown[]> {
  return Object.fromEntries(
    TABLES.map((t) => [t, ctx.sqlite.query(`SELECT * FROM ${t} ORDER BY 1, 2`).all()]),
  );
}

async function journal(payloads: [EventType, Record<string, unknown>][]): Promise<StoreEvent[]> {
  const out: StoreEvent[] = [];
  let prevHash: string | null = null;
  let seq = 0;
  for (const [type, payload] of payloads) {
    seq += 1;
    const event: StoreEvent = await sealEvent({
      id: uuidv7(),
      storeId: "S1",
      seq,
      type,
      version: 1,
      at: payload.at,
      payload,
      prevHash,
    } as UnsealedEvent<EventType>);
    out.push(event);
    prevHash = event.hash;
  }
  return out;
}

const T = (h: number) => `2026-03-02T${String(h).padStart(2, "0")}:00:00.000Z`;

test("a store's purchasing events, applied once or replayed, leave the same records", async () => {
  const orderId = uuidv7();
  const receiptId = uuidv7();
  const creditId = uuidv7();
  const order = (status: string, receivedMilli: number, at: string) => ({
    id: orderId,
    number: 1,
    vendorId: "DAIRY",
    status,
    expectedAt: "2026-03-04",
    createdAt: T(8),
    sentAt: T(8),
    closedAt: status === "received" ? at : null,
    userId: null,
    at,
    lines: [{ code: "MILK", orderedMilli: 10_000, costMinor: 100, receivedMilli }],
  });
  const item = (costMinor: number, previousCostMinor: number | null) => ({
    code: "MILK",
    vendorCode: "D-1",
    caseSizeMilli: 12_000,
    costMinor,
    previousCostMinor,
    leadTimeDays: 2,
    minOrderMilli: null,
  });
  const credit = (status: string, at: string) => ({
    id: creditId,
    number: 1,
    vendorId: "DAIRY",
    receiptId,
    status,
    totalMinor: 107,
    settlementRef: status === "settled" ? "CN-9" : null,
    userId: null,
    at,
    lines: [{ code: "MILK", qtyMilli: 1000, reason: "damaged", amountMinor: 107 }],
  });
  const events = await journal([
    [
      "vendor.changed",
      {
        id: "DAIRY",
        name: "North Dairy",
        paymentTerms: "net 30",
        paymentTypes: [],
        active: true,
        userId: null,
        at: T(7),
      },
    ],
    [
      "vendor.items_changed",
      { vendorId: "DAIRY", source: "manual", refId: null, userId: null, at: T(7), items: [item(100, null)] },
    ],
    ["purchase.order_changed", order("sent", 0, T(8))],
    [
      "purchase.goods_received",
      {
        id: receiptId,
        orderId,
        vendorId: "DAIRY",
        invoiceNumber: "INV-1",
        invoiceDate: "2026-03-02",
        landedCostMinor: 16,
        userId: null,
        at: T(9),
        lines: [
          {
            code: "MILK",
            openMilli: 10_000,
            receivedMilli: 10_000,
            costMinor: 105,
            landedMinor: 16,
            unitCostMinor: 107,
          },
        ],
      },
    ],
    [
      "vendor.items_changed",
      {
        vendorId: "DAIRY",
        source: "invoice",
        refId: receiptId,
        userId: null,
        at: T(9),
        items: [item(105, 100)],
      },
    ],
    ["purchase.order_changed", order("received", 10_000, T(9))],
    ["vendor.credit_changed", credit("open", T(10))],
    ["vendor.credit_changed", credit("settled", T(11))],
  ]);
  const writer = new PurchasingWriter(ctx.sqlite);
  for (const e of events) writer.apply(e);
  const once = tables();
  expect(once.hq_vendor_item_costs).toHaveLength(2);
  expect(once.hq_vendor_items).toEqual([expect.objectContaining({ cost_minor: 105, lead_time_days: 2 })]);
  expect(once.hq_purchase_orders).toEqual([
    expect.objectContaining({ status: "received", closed_at: T(9), updated_at: T(9) }),
  ]);
  expect(once.hq_vendor_credits).toEqual([
    expect.objectContaining({
      status: "settled",
      created_at: T(10),
      settled_at: T(11),
      settlement_ref: "CN-9",
    }),
  ]);

  for (const e of events) writer.apply(e);
  expect(tables()).toEqual(once);
  // An older snapshot after the newer one (out of order) is ignored.
  const sent = events[2];
  if (sent) writer.apply(sent);
  expect(tables()).toEqual(once);
});
