import { describe, expect, test } from "bun:test";
import {
  canonicalJson,
  computeEventHash,
  EVENT_TYPES,
  type EventPayload,
  type EventType,
  eventHashMaterial,
  eventPayloadSchemas,
  parseEvent,
  parseEventPayload,
  type StoreEvent,
  sealEvent,
  verifyEventChain,
} from "../../src/core/events.ts";
import { uuidv7 } from "../../src/core/ids.ts";
import { domainErrorOf } from "./expect-code.ts";

const AT = "2026-03-01T14:05:09.123Z";
const SALE = "0195a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";
const SHIFT = "0195a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c";

const line = {
  lineNo: 1,
  code: "4011",
  name: "BANANAS",
  department: "produce",
  taxClass: null,
  qtyMilli: 1250,
  unitPriceMinor: 79,
  extendedMinor: 99,
  discountMinor: 0,
  taxMinor: 0,
  totalMinor: 99,
};

/** One valid version 1 payload of every event type. */
const samples: { [K in EventType]: EventPayload<K> } = {
  "sale.completed": {
    saleId: SALE,
    receiptNo: "S1-T2-000123",
    tillId: "T2",
    cashierId: "56",
    shiftId: SHIFT,
    at: AT,
    day: "2026-03-01",
    currency: "USD",
    lines: [
      line,
      {
        ...line,
        lineNo: 2,
        code: "0020000500000",
        name: "TAHINI",
        taxClass: "1",
        qtyMilli: 1000,
        unitPriceMinor: 499,
        extendedMinor: 499,
        discountMinor: 50,
        taxMinor: 40,
        totalMinor: 489,
      },
    ],
    subtotalMinor: 598,
    discountMinor: 50,
    taxMinor: 40,
    totalMinor: 588,
    taxes: [{ taxClass: "1", rate: "8.875", baseMinor: 449, taxMinor: 40 }],
    tenders: [{ type: "cash", amountMinor: 1000 }],
    changeMinor: 410,
    cashRoundingMinor: -2,
    customerId: null,
  },
  "sale.voided": {
    saleId: SALE,
    receiptNo: null,
    tillId: "T2",
    cashierId: "56",
    approvedBy: "7",
    at: AT,
    reason: "customer left",
    lineCount: 3,
    totalMinor: 1299,
  },
  "line.voided": {
    saleId: SALE,
    tillId: "T2",
    cashierId: "56",
    approvedBy: null,
    at: AT,
    lineNo: 2,
    code: "4011",
    name: "BANANAS",
    qtyMilli: 1000,
    unitPriceMinor: 79,
    totalMinor: 79,
    reason: null,
  },
  "price.overridden": {
    saleId: SALE,
    tillId: "T2",
    cashierId: "56",
    approvedBy: "7",
    at: AT,
    lineNo: 1,
    code: "4011",
    name: "BANANAS",
    originalPriceMinor: 79,
    newPriceMinor: 50,
    reason: "bruised",
  },
  "return.recorded": {
    returnId: "0195a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5d",
    receiptNo: "S1-T2-000124",
    originalSaleId: SALE,
    tillId: "T2",
    cashierId: "56",
    approvedBy: "7",
    at: AT,
    currency: "USD",
    lines: [{ ...line, originalLineNo: 1 }],
    subtotalMinor: 99,
    discountMinor: 0,
    taxMinor: 0,
    totalMinor: 99,
    taxes: [],
    tenders: [{ type: "cash", amountMinor: 99 }],
  },
  "shift.opened": { shiftId: SHIFT, tillId: "T2", userId: "56", at: AT, floatMinor: 10000 },
  "shift.closed": {
    shiftId: SHIFT,
    tillId: "T2",
    userId: "56",
    at: AT,
    zNumber: 12,
    floatMinor: 10000,
    expectedCashMinor: 10489,
    countedCashMinor: 10480,
    varianceMinor: -9,
    salesCount: 1,
    salesTotalMinor: 588,
    returnsCount: 1,
    returnsTotalMinor: 99,
    byTender: [{ type: "cash", amountMinor: 489 }],
  },
  "cash.moved": {
    movementId: "0195a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5e",
    shiftId: SHIFT,
    tillId: "T2",
    userId: "56",
    approvedBy: null,
    at: AT,
    kind: "out",
    amountMinor: 5000,
    reason: "safe drop",
  },
  "drawer.opened": {
    tillId: "T2",
    userId: "56",
    shiftId: SHIFT,
    approvedBy: null,
    at: AT,
    reason: "no_sale",
    refId: null,
  },
  "stock.adjusted": {
    code: "4011",
    deltaMilli: -2500,
    onHandMilli: 40_000,
    kind: "damage",
    reason: "dropped crate",
    refId: null,
    userId: "7",
    at: AT,
  },
  "product.upserted": {
    code: "4011",
    name: "BANANAS",
    barcodes: ["0000000040110"],
    priceMinor: 79,
    taxClass: null,
    department: "produce",
    soldByWeight: true,
    costMinor: 40,
    active: true,
    userId: null,
    at: AT,
  },
  "user.changed": {
    userId: "56",
    name: "Ann",
    role: "cashier",
    active: true,
    change: "created",
    changedBy: "1",
    at: AT,
  },
  "audit.recorded": {
    action: "login.failed",
    userId: null,
    tillId: "T2",
    approvedBy: null,
    refId: null,
    detail: "3 attempts",
    at: AT,
  },
  "exception.recorded": {
    saleId: SALE,
    receiptNo: "S1-T1-000042",
    tillId: "T1",
    at: AT,
    day: "2026-03-01",
    exceptions: [{ lineNo: 1, code: "4011", kind: "price", rungMinor: 199, catalogMinor: 249, detail: null }],
  },
  "stock.document_posted": {
    id: SALE,
    number: 3,
    type: "receipt",
    location: "floor",
    reason: null,
    toStore: null,
    transferId: null,
    userId: "U1",
    approvedBy: null,
    at: AT,
    lines: [
      {
        code: "4011",
        location: "floor",
        lot: "L7",
        expiry: "2026-06-30",
        qtyMilli: 12_000,
        deltaMilli: 12_000,
        unitCostMinor: 55,
        expectedMilli: null,
      },
    ],
  },
  "vendor.changed": {
    id: "ACME",
    name: "Acme Foods",
    paymentTerms: "net 30",
    paymentTypes: ["bank_transfer"],
    active: true,
    userId: "U1",
    at: AT,
  },
  "vendor.items_changed": {
    vendorId: "ACME",
    source: "invoice",
    refId: SALE,
    userId: "U1",
    at: AT,
    items: [
      {
        code: "4011",
        vendorCode: "A-4011",
        caseSizeMilli: 12_000,
        costMinor: 55,
        previousCostMinor: 50,
        leadTimeDays: 3,
        minOrderMilli: null,
      },
    ],
  },
  "purchase.order_changed": {
    id: SALE,
    number: 1,
    vendorId: "ACME",
    status: "partly_received",
    expectedAt: "2026-03-05",
    createdAt: AT,
    sentAt: AT,
    closedAt: null,
    userId: "U1",
    at: AT,
    lines: [{ code: "4011", orderedMilli: 24_000, costMinor: 55, receivedMilli: 12_000 }],
  },
  "purchase.goods_received": {
    id: SALE,
    orderId: SALE,
    vendorId: "ACME",
    invoiceNumber: "INV-7",
    invoiceDate: "2026-03-01",
    landedCostMinor: 120,
    userId: "U1",
    at: AT,
    lines: [
      {
        code: "4011",
        openMilli: 24_000,
        receivedMilli: 12_000,
        costMinor: 55,
        landedMinor: 120,
        unitCostMinor: 65,
      },
    ],
  },
  "vendor.credit_changed": {
    id: SALE,
    number: 1,
    vendorId: "ACME",
    receiptId: SALE,
    status: "open",
    totalMinor: 110,
    settlementRef: null,
    userId: "U1",
    at: AT,
    lines: [{ code: "4011", qtyMilli: 2000, reason: "damaged", amountMinor: 110 }],
  },
  "stock.limits_changed": {
    code: "4011",
    location: "backroom",
    minMilli: 6000,
    maxMilli: 24_000,
    userId: "U1",
    at: AT,
  },
  "order.changed": {
    id: SALE,
    number: 7,
    status: "placed",
    action: "placed",
    customerId: null,
    slot: { date: "2026-03-01", from: "10:00", to: "11:00" },
    delivery: false,
    lines: [{ code: "4011", name: "Bananas", qtyMilli: 2000, unitPriceMinor: 79, totalMinor: 158 }],
    prepaid: [{ type: "card", amountMinor: 100 }],
    totalMinor: 158,
    prepaidMinor: 100,
    balanceDueMinor: 58,
    refundedMinor: 0,
    saleId: null,
    userId: null,
    tillId: null,
    at: AT,
  },
  "delivery.changed": {
    deliveryId: SALE,
    action: "status",
    orderId: null,
    saleId: SALE,
    status: "delivered",
    courierId: "U-7",
    feeMinor: 300,
    collectMinor: 1300,
    collectedMinor: 1300,
    userId: "U-7",
    at: AT,
  },
  "cash.book_recorded": {
    entryId: SALE,
    kind: "expense",
    shiftId: SHIFT,
    tillId: "T2",
    userId: "56",
    at: AT,
    amountMinor: -1250,
    category: "supplies",
    note: "paper towels",
    receiptRef: null,
    correctsId: null,
    courierId: null,
    deliveryIds: [],
    movementId: SHIFT,
  },
  "closure.recorded": {
    closure: {
      storeId: "S1",
      number: 1,
      type: "day",
      tillId: null,
      typeNumber: 1,
      period: "2026-03-01",
      from: "2026-03-01",
      to: "2026-03-01",
      at: AT,
      userId: null,
      currency: "USD",
      figures: {
        salesCount: 1,
        returnsCount: 0,
        voidedCount: 0,
        grossMinor: 99,
        discountMinor: 0,
        netMinor: 99,
        taxMinor: 0,
        totalMinor: 99,
        byTender: [{ type: "cash", amountMinor: 99 }],
        byTaxRate: [],
      },
      grandTotalMinor: 99,
      prevHash: null,
      hash: "a".repeat(64),
    },
    signingKey: "MCowBQYDK2VwAyEA".padEnd(60, "A"),
  },
  "scale.health_reported": {
    scaleId: "deli-1",
    protocol: "ringup",
    reachable: true,
    state: "ready",
    lastSyncAt: AT,
    plusSent: 3,
    plusTotal: 4,
    programming: "partial",
    error: { code: "SCALE_UNREACHABLE", message: "the link was lost" },
    at: AT,
  },
};

async function chain(types: readonly EventType[]): Promise<StoreEvent[]> {
  const out: StoreEvent[] = [];
  let prevHash: string | null = null;
  for (const [i, type] of types.entries()) {
    const event: StoreEvent = await sealEvent({
      id: uuidv7(),
      storeId: "S1",
      seq: i + 1,
      type,
      version: 1,
      at: AT,
      payload: samples[type],
      prevHash,
    });
    out.push(event);
    prevHash = event.hash;
  }
  return out;
}

function issuesOf(run: () => unknown): { code: string; message: string; paths: string[] } {
  const error = domainErrorOf(run);
  const details = error.details as { issues: { path: PropertyKey[] }[] };
  return {
    code: error.code,
    message: error.message,
    paths: details.issues.map((i) => i.path.map(String).join(".")),
  };
}

describe("event types and schemas", () => {
  test("every type is a noun.verbed name with a version 1 schema", () => {
    expect(EVENT_TYPES.length).toBeGreaterThanOrEqual(13);
    expect(Object.keys(eventPayloadSchemas).sort()).toEqual([...EVENT_TYPES].sort());
    for (const type of EVENT_TYPES) expect(type).toMatch(/^[a-z]+\.[a-z_]+(ed|en)$/);
  });

  test.each(EVENT_TYPES.map((t) => [t]))("%s: the sample payload is valid", (type) => {
    expect(parseEventPayload(type, samples[type])).toEqual(samples[type]);
  });
});

describe("parseEvent", () => {
  test("round-trips every event type through JSON", async () => {
    const events = await chain(EVENT_TYPES);
    for (const event of events) {
      const parsed = parseEvent(JSON.parse(JSON.stringify(event)));
      expect(parsed).toEqual(event);
      expect(await computeEventHash(parsed)).toBe(event.hash);
    }
  });

  test("narrows the payload by type", async () => {
    const [event] = await chain(["sale.completed"]);
    const parsed = parseEvent(JSON.parse(JSON.stringify(event)));
    if (parsed.type !== "sale.completed") throw new Error("expected a sale.completed event");
    expect(parsed.payload.lines[1]?.totalMinor).toBe(489);
  });

  test("rejects a payload that belongs to another type, naming payload fields", async () => {
    const [event] = await chain(["sale.completed"]);
    const { code, paths } = issuesOf(() => parseEvent({ ...event, payload: samples["shift.opened"] }));
    expect(code).toBe("INVALID_EVENT");
    expect(paths).toContain("payload.saleId");
    expect(paths.every((p) => p.startsWith("payload"))).toBe(true);
  });

  test("rejects negative money, fractional quantities, unknown fields and over-long names", async () => {
    const [event] = await chain(["sale.completed"]);
    const sale = samples["sale.completed"];
    const cases: [unknown, string][] = [
      [{ ...sale, discountMinor: -1 }, "payload.discountMinor"],
      [{ ...sale, changeMinor: -1 }, "payload.changeMinor"],
      // Only returned empties (kind "depositReturn") have a negative quantity.
      [{ ...sale, lines: [{ ...line, qtyMilli: -1000 }] }, "payload.lines.0"],
      [{ ...sale, lines: [{ ...line, qtyMilli: 1.5 }] }, "payload.lines.0.qtyMilli"],
      [{ ...sale, lines: [{ ...line, unitPriceMinor: 2 ** 53 }] }, "payload.lines.0.unitPriceMinor"],
      [{ ...sale, lines: [] }, "payload.lines"],
      [{ ...sale, surprise: true }, "payload"],
      [{ ...sale, lines: [{ ...line, name: "x".repeat(121) }] }, "payload.lines.0.name"],
      [
        { ...sale, taxes: [{ taxClass: "1", rate: "8,875", baseMinor: 1, taxMinor: 0 }] },
        "payload.taxes.0.rate",
      ],
      [{ ...sale, tenders: [{ type: "cash", amountMinor: 0 }] }, "payload.tenders.0.amountMinor"],
      [{ ...sale, at: "2026-03-01 14:05:09" }, "payload.at"],
    ];
    for (const [payload, path] of cases) {
      expect(issuesOf(() => parseEvent({ ...event, payload })).paths).toContain(path);
    }
  });

  test("rejects an unknown type", async () => {
    const [event] = await chain(["sale.completed"]);
    const { code, paths } = issuesOf(() => parseEvent({ ...event, type: "sale.exploded" }));
    expect(code).toBe("INVALID_EVENT");
    expect(paths).toEqual(["type"]);
  });

  test("rejects a version this build does not know", async () => {
    const [event] = await chain(["shift.opened"]);
    const { code, paths, message } = issuesOf(() => parseEvent({ ...event, version: 2 }));
    expect(code).toBe("INVALID_EVENT");
    expect(paths).toEqual(["version"]);
    expect(message).toContain("version 2");
  });

  test("rejects a bad envelope: non-v7 id, store id with '-', seq 0, local time, short hash", async () => {
    const [event] = await chain(["shift.opened"]);
    const cases: [Record<string, unknown>, string][] = [
      [{ id: "9b2f4c1e-3a5d-4e6f-8a7b-1c2d3e4f5a6b" }, "id"],
      [{ storeId: "S-1" }, "storeId"],
      [{ seq: 0 }, "seq"],
      [{ at: "2026-03-01T15:05:09+01:00" }, "at"],
      [{ hash: "abc" }, "hash"],
      [{ prevHash: "ABCDEF".repeat(10).padEnd(64, "A") }, "prevHash"],
    ];
    for (const [change, path] of cases) {
      expect(issuesOf(() => parseEvent({ ...event, ...change })).paths).toContain(path);
    }
    expect(issuesOf(() => parseEvent("not an event")).code).toBe("INVALID_EVENT");
  });

  test("sealEvent refuses an invalid payload", async () => {
    const sealing = sealEvent({
      id: uuidv7(),
      storeId: "S1",
      seq: 1,
      type: "shift.opened",
      version: 1,
      at: AT,
      payload: { ...samples["shift.opened"], floatMinor: -5 },
      prevHash: null,
    });
    await expect(sealing).rejects.toMatchObject({ code: "INVALID_EVENT" });
  });
});

describe("hash chain", () => {
  test("the hash covers the canonical envelope without the hash", async () => {
    const [event] = await chain(["drawer.opened"]);
    if (event === undefined) throw new Error("no event");
    const { hash: _hash, ...rest } = event;
    expect(eventHashMaterial(event)).toBe(canonicalJson(rest));
    const digest = new Bun.CryptoHasher("sha256").update(canonicalJson(rest)).digest("hex");
    expect(event.hash).toBe(digest);
  });

  test("a sound chain verifies, and continues from a known event", async () => {
    const events = await chain(EVENT_TYPES);
    expect(await verifyEventChain(events)).toEqual({
      ok: true,
      count: events.length,
      lastSeq: events.length,
      lastHash: events.at(-1)?.hash ?? null,
    });
    const [first, ...rest] = events;
    if (first === undefined) throw new Error("no event");
    expect((await verifyEventChain(rest, { seq: first.seq, hash: first.hash })).ok).toBe(true);
  });

  test("an altered payload, a gap, a reordering and a foreign store are each caught", async () => {
    const events = await chain(["shift.opened", "sale.completed", "cash.moved", "shift.closed"]);
    const [a, b, c, d] = events;
    if (!a || !b || !c || !d) throw new Error("chain too short");
    const altered: StoreEvent = {
      ...b,
      payload: { ...samples["sale.completed"], totalMinor: 1 },
    } as StoreEvent;
    expect(await verifyEventChain([a, altered, c, d])).toEqual({
      ok: false,
      seq: 2,
      reason: "hash_mismatch",
    });
    expect(await verifyEventChain([a, c, d])).toEqual({ ok: false, seq: 3, reason: "seq_gap" });
    expect(await verifyEventChain([a, { ...c, seq: 2 }, b])).toEqual({
      ok: false,
      seq: 2,
      reason: "prev_hash_mismatch",
    });
    expect(await verifyEventChain([a, { ...b, storeId: "S2" }])).toEqual({
      ok: false,
      seq: 2,
      reason: "store_mismatch",
    });
  });
});
