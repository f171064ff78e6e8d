/**
 * Supplier performance and the cheapest vendor for an item, on records whose figures are
 * worked out by hand in the comments.
 */
import { describe, expect, test } from "bun:test";
import {
  cheapestVendor,
  orderPerformance,
  type PerfRecords,
  supplierPerformance,
} from "../../src/core/supplier-performance.ts";

const day = (iso: string) => iso.slice(0, 10);

function receipt(
  id: string,
  orderId: string | null,
  vendorId: string,
  at: string,
  lines: [string, number, number, number][],
) {
  return {
    id,
    orderId,
    vendorId,
    receivedAt: at,
    receivedDay: day(at),
    lines: lines.map(([code, receivedMilli, costMinor, landedMinor]) => ({
      code,
      receivedMilli,
      costMinor,
      landedMinor,
    })),
  };
}

function cost(vendorId: string, code: string, previous: number | null, now: number, at: string) {
  return {
    vendorId,
    code,
    costMinor: now,
    previousCostMinor: previous,
    source: "manual" as const,
    refId: null,
    at,
    day: day(at),
  };
}

const records: PerfRecords = {
  vendors: [
    { id: "B", name: "Bolt" },
    { id: "A", name: "Acme" },
  ],
  items: [
    { vendorId: "A", code: "MILK", costMinor: 105, leadTimeDays: 2 },
    { vendorId: "A", code: "EGGS", costMinor: 200, leadTimeDays: 3 },
    { vendorId: "B", code: "MILK", costMinor: 88, leadTimeDays: 5 },
  ],
  orders: [
    {
      id: "O1",
      number: 1,
      vendorId: "A",
      status: "received",
      sentAt: "2026-03-01T08:00:00.000Z",
      sentDay: "2026-03-01",
      expectedAt: "2026-03-04",
      lines: [
        { code: "MILK", orderedMilli: 10_000, costMinor: 100, receivedMilli: 8_000 },
        { code: "EGGS", orderedMilli: 6_000, costMinor: 200, receivedMilli: 7_000 },
      ],
    },
    {
      id: "O2",
      number: 2,
      vendorId: "A",
      status: "partly_received",
      sentAt: "2026-03-05T10:00:00.000Z",
      sentDay: "2026-03-05",
      expectedAt: "2026-03-06",
      lines: [{ code: "MILK", orderedMilli: 5_000, costMinor: 100, receivedMilli: 2_000 }],
    },
    {
      id: "O3",
      number: 3,
      vendorId: "B",
      status: "received",
      sentAt: "2026-03-02T08:00:00.000Z",
      sentDay: "2026-03-02",
      expectedAt: null,
      lines: [{ code: "MILK", orderedMilli: 10_000, costMinor: 90, receivedMilli: 10_000 }],
    },
    {
      id: "O4",
      number: 4,
      vendorId: "B",
      status: "cancelled",
      sentAt: "2026-03-02T09:00:00.000Z",
      sentDay: "2026-03-02",
      expectedAt: null,
      lines: [{ code: "MILK", orderedMilli: 50_000, costMinor: 90, receivedMilli: 0 }],
    },
  ],
  receipts: [
    receipt("R1", "O1", "A", "2026-03-03T08:00:00.000Z", [
      ["MILK", 8_000, 100, 20],
      ["EGGS", 7_000, 200, 30],
    ]),
    receipt("R2", "O2", "A", "2026-03-07T22:00:00.000Z", [["MILK", 2_000, 105, 0]]),
    receipt("R3", "O3", "B", "2026-03-06T08:00:00.000Z", [["MILK", 10_000, 90, 50]]),
    receipt("R4", null, "B", "2026-03-08T08:00:00.000Z", [["MILK", 4_000, 95, 0]]),
  ],
  costChanges: [
    cost("A", "EGGS", null, 200, "2026-02-01T00:00:00.000Z"),
    cost("A", "MILK", 100, 105, "2026-03-07T22:00:00.000Z"),
    cost("B", "MILK", 90, 95, "2026-03-08T08:00:00.000Z"),
    cost("B", "MILK", 95, 88, "2026-03-09T08:00:00.000Z"),
  ],
  credits: [
    { id: "C1", vendorId: "A", status: "open", totalMinor: 107, createdDay: "2026-03-04" },
    { id: "C2", vendorId: "A", status: "settled", totalMinor: 200, createdDay: "2026-03-05" },
  ],
};

describe("supplier performance", () => {
  test("fill, on time, lead time, cost changes, credits and purchases per vendor over all time", () => {
    const [a, b] = supplierPerformance(records, {});
    expect(a).toEqual({
      vendorId: "A",
      name: "Acme",
      // O1 is closed; O2 still waits for goods.
      ordersMeasured: 1,
      ordersOpen: 1,
      fill: {
        // MILK 10 ordered, 8 came; EGGS 6 ordered, 7 came (counted as 6).
        orderedMilli: 16_000,
        receivedMilli: 14_000,
        // 10 × 100 + 6 × 200 = 2200; 8 × 100 + 6 × 200 = 2000.
        orderedValueMinor: 2200,
        receivedValueMinor: 2000,
        byQty: 0.875,
        byValue: 0.9091,
      },
      // R1 on 03-03 by 03-04; R2 on 03-07 after 03-06.
      onTime: { receipts: 2, onTime: 1, rate: 0.5 },
      // O1: 2 days (promised the longer of 2 and 3); O2: 2.5 days (promised 2).
      leadTime: { orders: 2, observedDays: 2.3, promisedDays: 2.5 },
      costChanges: { count: 1, increases: 1, decreases: 0 },
      credits: { count: 2, openMinor: 107, settledMinor: 200 },
      // R1: 800 + 20 + 1400 + 30; R2: 210.
      purchasedMinor: 2460,
    });
    expect(b).toMatchObject({
      vendorId: "B",
      ordersMeasured: 1,
      ordersOpen: 0,
      fill: { orderedMilli: 10_000, receivedMilli: 10_000, byQty: 1, byValue: 1 },
      onTime: { receipts: 0, onTime: 0, rate: null },
      leadTime: { orders: 1, observedDays: 4, promisedDays: 5 },
      costChanges: { count: 2, increases: 1, decreases: 1 },
      credits: { count: 0, openMinor: 0, settledMinor: 0 },
      // R3: 900 + 50; R4: 380.
      purchasedMinor: 1330,
    });
  });

  test("a period keeps what was sent, received, changed and credited on its days", () => {
    const [a, b] = supplierPerformance(records, { from: "2026-03-06", to: "2026-03-08" });
    expect(a).toMatchObject({
      ordersMeasured: 0,
      ordersOpen: 0,
      fill: { orderedMilli: 0, byQty: null, byValue: null },
      onTime: { receipts: 1, onTime: 0, rate: 0 },
      leadTime: { orders: 0, observedDays: null, promisedDays: null },
      costChanges: { count: 1 },
      credits: { count: 0 },
      purchasedMinor: 210,
    });
    expect(b).toMatchObject({ costChanges: { count: 1, increases: 1 }, purchasedMinor: 1330 });
  });

  test("each sent order with its delivery against its promise", () => {
    expect(orderPerformance(records, { to: "2026-03-05" })).toEqual([
      {
        orderId: "O1",
        number: 1,
        status: "received",
        sentAt: "2026-03-01T08:00:00.000Z",
        expectedAt: "2026-03-04",
        firstReceiptAt: "2026-03-03T08:00:00.000Z",
        orderedMilli: 16_000,
        receivedMilli: 15_000,
        observedDays: 2,
        promisedDays: 3,
        onTime: true,
      },
      {
        orderId: "O2",
        number: 2,
        status: "partly_received",
        sentAt: "2026-03-05T10:00:00.000Z",
        expectedAt: "2026-03-06",
        firstReceiptAt: "2026-03-07T22:00:00.000Z",
        orderedMilli: 5_000,
        receivedMilli: 2_000,
        observedDays: 2.5,
        promisedDays: 2,
        onTime: false,
      },
      expect.objectContaining({ orderId: "O3", onTime: null, observedDays: 4 }),
      expect.objectContaining({ orderId: "O4", firstReceiptAt: null, observedDays: null }),
    ]);
  });
});

describe("the cheapest vendor for an item", () => {
  test("every vendor's landed cost, the cheapest on average and what buying there would have saved", () => {
    expect(cheapestVendor("MILK", records, {})).toEqual({
      code: "MILK",
      vendors: [
        {
          vendorId: "A",
          name: "Acme",
          // 8 at 100 + 20 landed, 2 at 105: 10 for 1030.
          qtyMilli: 10_000,
          paidMinor: 1030,
          receipts: 2,
          avgUnitCostMinor: 103,
          currentCostMinor: 105,
          // 10 at B's 1330 / 14 = 95.
          atCheapestMinor: 950,
          savingMinor: 80,
        },
        {
          vendorId: "B",
          name: "Bolt",
          // 10 at 90 + 50 landed, 4 at 95: 14 for 1330.
          qtyMilli: 14_000,
          paidMinor: 1330,
          receipts: 2,
          avgUnitCostMinor: 95,
          currentCostMinor: 88,
          atCheapestMinor: 1330,
          savingMinor: 0,
        },
      ],
      cheapestVendorId: "B",
      qtyMilli: 24_000,
      paidMinor: 2360,
      atCheapestMinor: 2280,
      savingMinor: 80,
    });
  });

  test("over a period, and for an item bought from one vendor only", () => {
    const march6to8 = cheapestVendor("MILK", records, { from: "2026-03-06", to: "2026-03-08" });
    expect(march6to8.vendors.map((v) => [v.vendorId, v.qtyMilli, v.paidMinor, v.savingMinor])).toEqual([
      ["A", 2_000, 210, 20],
      ["B", 14_000, 1330, 0],
    ]);
    const eggs = cheapestVendor("EGGS", records, {});
    // 7 eggs for 1430: 204.29 each.
    expect(eggs).toMatchObject({ cheapestVendorId: "A", paidMinor: 1430, savingMinor: 0 });
    expect(eggs.vendors[0]?.avgUnitCostMinor).toBe(204);
    expect(cheapestVendor("BREAD", records, {})).toMatchObject({
      vendors: [],
      cheapestVendorId: null,
      savingMinor: 0,
    });
  });
});
