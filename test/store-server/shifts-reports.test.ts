import { afterEach, describe, expect, test } from "bun:test";
import { uuidv7 } from "../../src/core/ids.ts";
import { createTestStore, type TestStore } from "../support/store-app.ts";

interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}
interface Shift {
  id: string;
  tillId: string;
  status: string;
  floatMinor: number;
  zNumber: number | null;
}
interface Report {
  kind: string;
  zNumber: number | null;
  salesCount: number;
  returnsCount: number;
  totalMinor: number;
  expected: Record<string, number>;
  counted?: Record<string, number>;
  overShort?: Record<string, number>;
  overShortMinor?: number;
  byTender: { type: string; amountMinor: number }[];
  cash: { expectedMinor: number; countedMinor?: number; changeGivenMinor: number; cashInMinor: number };
  tenders: {
    type: string;
    expectedMinor: number;
    countedMinor?: number | null;
    overShortMinor?: number | null;
  }[];
}

const API = "/api/v1";
let store: TestStore;
afterEach(() => store?.close());

function snapshot(s: TestStore) {
  return {
    events: s.journalLength(),
    shifts: s.count("shifts"),
    cash: s.count("cash_movements"),
    audit: s.count("audit"),
  };
}

async function seedBread(s: TestStore): Promise<void> {
  const res = await s.request("POST", `${API}/products`, {
    code: "BREAD",
    name: "Bread",
    priceMinor: 275,
    taxClass: null,
  });
  expect(res.status).toBe(200);
}

async function sell(
  s: TestStore,
  tillId: string,
  qty: number,
  tenders: { type: string; amountMinor: number }[],
): Promise<{ id: string; changeMinor: number }> {
  const res = await s.request<{ id: string; changeMinor: number }>("POST", `${API}/sales`, {
    id: uuidv7(),
    tillId,
    lines: [{ code: "BREAD", qty }],
    tenders,
  });
  expect(res.status).toBe(201);
  return res.body;
}

async function openShift(s: TestStore, tillId: string, floatMinor: number, token?: string): Promise<Shift> {
  const res = await s.request<Shift>("POST", `${API}/shifts`, { tillId, floatMinor }, token);
  expect(res.status).toBe(201);
  return res.body;
}

describe("shift reports", () => {
  test("X report from real sales changes nothing; Z report compares expected with counted per tender", async () => {
    store = createTestStore();
    await seedBread(store);
    const shift = await openShift(store, "T1", 10_000);
    // 2 × 2.75 = 5.50 paid with 10.00 cash: 4.50 change.
    expect((await sell(store, "T1", 2, [{ type: "cash", amountMinor: 1000 }])).changeMinor).toBe(450);
    await sell(store, "T1", 1, [{ type: "card", amountMinor: 275 }]);
    // 3 × 2.75 = 8.25: 5.00 cash and 3.25 card.
    await sell(store, "T1", 3, [
      { type: "cash", amountMinor: 500 },
      { type: "card", amountMinor: 325 },
    ]);
    // A sale at another till does not count.
    await sell(store, "T2", 1, [{ type: "cash", amountMinor: 275 }]);
    await store.request("POST", `${API}/shifts/${shift.id}/cash`, {
      kind: "in",
      amountMinor: 2000,
      reason: "change",
    });
    await store.request("POST", `${API}/shifts/${shift.id}/cash`, {
      kind: "out",
      amountMinor: 1500,
      reason: "drop",
    });

    const before = snapshot(store);
    const x = await store.request<Report>("GET", `${API}/shifts/${shift.id}/x-report`);
    expect(x.status).toBe(200);
    expect(snapshot(store)).toEqual(before);
    expect(x.body).toMatchObject({
      kind: "X",
      zNumber: null,
      salesCount: 3,
      returnsCount: 0,
      totalMinor: 1650,
    });
    // float 100.00 + cash 15.00 − change 4.50 + in 20.00 − out 15.00
    expect(x.body.expected).toEqual({ cash: 11_550, card: 600 });
    expect(x.body.byTender).toEqual([
      { type: "cash", amountMinor: 1050 },
      { type: "card", amountMinor: 600 },
    ]);
    expect(x.body.cash).toMatchObject({ changeGivenMinor: 450, cashInMinor: 2000, expectedMinor: 11_550 });
    const xAgain = await store.request<Report>("GET", `${API}/shifts/${shift.id}/x-report`);
    expect(xAgain.body.expected).toEqual(x.body.expected);

    const z = await store.request<Report>("POST", `${API}/shifts/${shift.id}/close`, {
      counted: { cash: 11_500, card: 600 },
    });
    expect(z.status).toBe(200);
    expect(z.body).toMatchObject({
      kind: "Z",
      zNumber: 1,
      expected: { cash: 11_550, card: 600 },
      counted: { cash: 11_500, card: 600 },
      overShort: { cash: -50, card: 0 },
      overShortMinor: -50,
    });
    expect(z.body.cash.countedMinor).toBe(11_500);
    const closed = store.ctx.sqlite
      .query<{ payload: string }, []>("SELECT payload FROM events WHERE type = 'shift.closed'")
      .get();
    expect(JSON.parse(closed?.payload ?? "{}")).toMatchObject({
      zNumber: 1,
      expectedCashMinor: 11_550,
      countedCashMinor: 11_500,
      varianceMinor: -50,
      salesCount: 3,
      salesTotalMinor: 1650,
    });
    // After the close, the till's sales belong to no shift until a new one opens.
    const shiftOf = store.ctx.sqlite.query<{ shift_id: string | null }, [string]>(
      "SELECT shift_id FROM sales WHERE id = ?",
    );
    const later = await sell(store, "T1", 1, [{ type: "cash", amountMinor: 275 }]);
    expect(shiftOf.get(later.id)?.shift_id).toBeNull();
  });

  test("cash refunds and voided sales come off the expected cash", async () => {
    store = createTestStore();
    await seedBread(store);
    const shift = await openShift(store, "T1", 0);
    await sell(store, "T1", 4, [{ type: "cash", amountMinor: 1100 }]);
    const voided = await sell(store, "T1", 1, [{ type: "cash", amountMinor: 275 }]);
    store.ctx.sqlite.run("UPDATE sales SET status = 'voided' WHERE id = ?", [voided.id]);
    // A refund of one loaf in cash on this shift.
    const returnId = uuidv7();
    store.ctx.sqlite.run(
      `INSERT INTO returns (id, receipt_no, till_id, shift_id, at, day, subtotal_minor, discount_minor, tax_minor, total_minor, response)
       VALUES (?, 'S1-T1-R1', 'T1', ?, '2026-03-02T15:00:00.000Z', '2026-03-02', 275, 0, 0, 275, '{}')`,
      [returnId, shift.id],
    );
    store.ctx.sqlite.run(
      "INSERT INTO tenders (doc_id, idx, doc_kind, type, amount_minor, day, shift_id) VALUES (?, 0, 'return', 'cash', 275, '2026-03-02', ?)",
      [returnId, shift.id],
    );
    const x = await store.request<Report>("GET", `${API}/shifts/${shift.id}/x-report`);
    expect(x.body).toMatchObject({ salesCount: 1, returnsCount: 1, totalMinor: 825 });
    expect(x.body.expected).toEqual({ cash: 825 });
  });

  test("counted cash per denomination; uncounted tenders have no over/short", async () => {
    store = createTestStore();
    await seedBread(store);
    const shift = await openShift(store, "T1", 5000);
    await sell(store, "T1", 1, [{ type: "card", amountMinor: 275 }]);
    const z = await store.request<Report & { cashDenominations: unknown }>(
      "POST",
      `${API}/shifts/${shift.id}/close`,
      {
        cashDenominations: [
          { valueMinor: 2000, count: 2 },
          { valueMinor: 500, count: 1 },
          { valueMinor: 25, count: 8 },
        ],
      },
    );
    expect(z.status).toBe(200);
    expect(z.body.counted).toEqual({ cash: 4700 });
    expect(z.body.overShort).toEqual({ cash: -300 });
    expect(z.body.tenders.find((t) => t.type === "card")).toMatchObject({
      expectedMinor: 275,
      countedMinor: null,
      overShortMinor: null,
    });
    expect(z.body.cashDenominations).toHaveLength(3);
  });

  test("Z reports are numbered store-wide, stored, never reissued or renumbered", async () => {
    store = createTestStore();
    const a = await openShift(store, "T1", 0);
    const b = await openShift(store, "T2", 0);
    const zA = await store.request<Report>("POST", `${API}/shifts/${a.id}/close`, { counted: { cash: 0 } });
    expect(zA.body.zNumber).toBe(1);

    const before = snapshot(store);
    store.clock.advance(60_000);
    const again = await store.request<ErrorBody>("POST", `${API}/shifts/${a.id}/close`, {
      counted: { cash: 99 },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("SHIFT_CLOSED");
    expect(again.body.error.details?.zNumber).toBe(1);
    expect(snapshot(store)).toEqual(before);
    const xClosed = await store.request<ErrorBody>("GET", `${API}/shifts/${a.id}/x-report`);
    expect(xClosed.status).toBe(409);

    const stored = await store.request<Report>("GET", `${API}/shifts/${a.id}/z-report`);
    expect(stored.status).toBe(200);
    expect(stored.body).toEqual(zA.body);

    const zB = await store.request<Report>("POST", `${API}/shifts/${b.id}/close`, { counted: { cash: 0 } });
    expect(zB.body.zNumber).toBe(2);
    const a2 = await openShift(store, "T1", 0);
    const noZ = await store.request<ErrorBody>("GET", `${API}/shifts/${a2.id}/z-report`);
    expect(noZ.status).toBe(404);
    expect(noZ.body.error.code).toBe("NO_Z_REPORT");
    const zA2 = await store.request<Report>("POST", `${API}/shifts/${a2.id}/close`, { counted: { cash: 0 } });
    expect(zA2.body.zNumber).toBe(3);
    expect((await store.request<Report>("GET", `${API}/shifts/${a.id}/z-report`)).body).toEqual(zA.body);
    const view = await store.request<Shift>("GET", `${API}/shifts/${a.id}`);
    expect(view.body).toMatchObject({ status: "closed", zNumber: 1 });
  });
});
