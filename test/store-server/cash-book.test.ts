import { afterEach, describe, expect, test } from "bun:test";
import { uuidv7 } from "../../src/core/ids.ts";
import { addUser, createTestStore, loginAt, type TestStore } from "../support/store-app.ts";

interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}
interface Entry {
  id: string;
  kind: string;
  shiftId: string;
  tillId: string;
  userId: string;
  amountMinor: number;
  category: string;
  note: string | null;
  receiptRef: string | null;
  correctsId: string | null;
  movementId: string;
  expectedCashMinor?: number;
}
interface Totals {
  tenders: { type: string; amountMinor: number }[];
  cashInMinor: number;
  cashOutMinor: number;
  expensesMinor: number;
  correctionsMinor: number;
  handInsMinor: number;
}
interface CashBook {
  entries: Entry[];
  byCategory: { category: string; amountMinor: number }[];
  byCashier: (Totals & { cashierId: string })[];
  byTill: (Totals & { tillId: string })[];
}

const API = "/api/v1";
let store: TestStore;
afterEach(() => store?.close());

function snapshot(s: TestStore) {
  return {
    events: s.journalLength(),
    cash: s.count("cash_movements"),
    book: s.count("cash_book_entries"),
    audit: s.count("audit"),
  };
}

async function openShift(s: TestStore, tillId: string, floatMinor: number): Promise<string> {
  const res = await s.request<{ id: string }>("POST", `${API}/shifts`, { tillId, floatMinor });
  expect(res.status).toBe(201);
  return res.body.id;
}

async function sell(
  s: TestStore,
  tillId: string,
  cashierId: string,
  tenders: { type: string; amountMinor: number }[],
) {
  const res = await s.request<{ changeMinor: number }>("POST", `${API}/sales`, {
    id: uuidv7(),
    tillId,
    cashierId,
    lines: [{ code: "BREAD", qty: 2 }],
    tenders,
  });
  expect(res.status).toBe(201);
  return res.body;
}

async function expectedCash(s: TestStore, shiftId: string): Promise<number> {
  const x = await s.request<{ cash: { expectedMinor: number } }>("GET", `${API}/shifts/${shiftId}/x-report`);
  return x.body.cash.expectedMinor;
}

async function setUp(): Promise<{ ann: string; annToken: string; bob: string; bobToken: string }> {
  store = createTestStore();
  const ann = await addUser(store, { name: "Ann", role: "cashier", pin: "1111" });
  const bob = await addUser(store, { name: "Bob", role: "cashier", pin: "2222" });
  const bread = { code: "BREAD", name: "Bread", priceMinor: 275, taxClass: null };
  expect((await store.request("POST", `${API}/products`, bread)).status).toBe(200);
  return {
    ann,
    annToken: await loginAt(store, "T1", "1111"),
    bob,
    bobToken: await loginAt(store, "T2", "2222"),
  };
}

describe("the cash book", () => {
  test("an expense is paid from the open session's drawer, journaled; over the drawer's cash or without a session it is refused", async () => {
    const { ann, annToken } = await setUp();
    const expense = { id: uuidv7(), category: "supplies", amountMinor: 1250, note: "paper towels" };

    const before = snapshot(store);
    const none = await store.request<ErrorBody>("POST", `${API}/cash/expenses`, expense, annToken);
    expect(none.status).toBe(409);
    expect(none.body.error.code).toBe("NO_OPEN_SHIFT");
    expect(snapshot(store)).toEqual(before);

    const shiftId = await openShift(store, "T1", 5000);
    const over = await store.request<ErrorBody>(
      "POST",
      `${API}/cash/expenses`,
      { ...expense, amountMinor: 5001 },
      annToken,
    );
    expect(over.status).toBe(409);
    expect(over.body.error.code).toBe("OVER_DRAWER_CASH");
    expect(over.body.error.details).toMatchObject({ expectedCashMinor: 5000, amountMinor: 5001 });

    const paid = await store.request<Entry>("POST", `${API}/cash/expenses`, expense, annToken);
    expect(paid.status).toBe(201);
    expect(paid.body).toMatchObject({
      kind: "expense",
      shiftId,
      tillId: "T1",
      userId: ann,
      amountMinor: -1250,
      category: "supplies",
      note: "paper towels",
      expectedCashMinor: 3750,
    });
    expect(await expectedCash(store, shiftId)).toBe(3750);
    const types = store.ctx.sqlite
      .query<{ type: string }, []>("SELECT type FROM events WHERE type LIKE 'cash.%' ORDER BY seq")
      .all()
      .map((r) => r.type);
    expect(types).toEqual(["cash.moved", "cash.book_recorded"]);
    const audited = store.ctx.sqlite
      .query<{ n: number }, []>("SELECT count(*) AS n FROM audit WHERE action = 'cash.expense'")
      .get();
    expect(audited?.n).toBe(1);

    // A repeat of the id with the same body answers the entry and records nothing new.
    const after = snapshot(store);
    const again = await store.request<Entry>("POST", `${API}/cash/expenses`, expense, annToken);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(expense.id);
    expect(snapshot(store)).toEqual(after);
    const reused = await store.request<ErrorBody>(
      "POST",
      `${API}/cash/expenses`,
      { ...expense, amountMinor: 10 },
      annToken,
    );
    expect(reused.status).toBe(409);
    expect(reused.body.error.code).toBe("ENTRY_ID_REUSED");
    expect(snapshot(store)).toEqual(after);
  });

  test("bad expense and correction bodies answer 400 and change nothing", async () => {
    const { annToken } = await setUp();
    await openShift(store, "T1", 5000);
    const before = snapshot(store);
    const id = uuidv7();
    const cases: [string, unknown, string | null | undefined][] = [
      ["expenses", { id, category: "supplies", amountMinor: 0 }, annToken],
      ["expenses", { id, category: "supplies", amountMinor: -5 }, annToken],
      ["expenses", { id, category: "supplies", amountMinor: 1.5 }, annToken],
      ["expenses", { id, category: "Supplies & Co", amountMinor: 5 }, annToken],
      ["expenses", { id, category: "supplies", amountMinor: 5, note: "" }, annToken],
      ["expenses", { id, category: "supplies", amountMinor: 5, extra: 1 }, annToken],
      ["expenses", { id: "nope", category: "supplies", amountMinor: 5 }, annToken],
      ["expenses", { id, category: "supplies", amountMinor: 5 }, undefined],
      ["corrections", { id, correctsId: uuidv7(), amountMinor: 0, reason: "x" }, undefined],
      ["corrections", { id, correctsId: uuidv7(), amountMinor: 5, reason: "" }, undefined],
    ];
    for (const [path, body, token] of cases) {
      const res = await store.request<ErrorBody>("POST", `${API}/cash/${path}`, body, token);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
    }
    // An admin names the till; a cashier may correct nothing (a manager's work).
    const noTill = await store.request<ErrorBody>("POST", `${API}/cash/expenses`, {
      id,
      category: "supplies",
      amountMinor: 5,
    });
    expect(noTill.body.error.code).toBe("TILL_REQUIRED");
    const cashier = await store.request<ErrorBody>(
      "POST",
      `${API}/cash/corrections`,
      { id, correctsId: uuidv7(), amountMinor: 5, reason: "miscount" },
      annToken,
    );
    expect(cashier.status).toBe(403);
    const unknown = await store.request<ErrorBody>("POST", `${API}/cash/corrections`, {
      id,
      correctsId: uuidv7(),
      amountMinor: 5,
      reason: "miscount",
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe("NOTHING_TO_CORRECT");
    expect(snapshot(store)).toEqual(before);
  });

  test("corrections are their own entries naming what they correct, never turning it around; the report adds them up exactly", async () => {
    const { ann, annToken, bob, bobToken } = await setUp();
    const t1 = await openShift(store, "T1", 10_000);
    const t2 = await openShift(store, "T2", 2000);
    // Ann at T1: 5.50 paid with 10.00 cash (4.50 change), and 5.50 by bank transfer.
    await sell(store, "T1", ann, [{ type: "cash", amountMinor: 1000 }]);
    await sell(store, "T1", ann, [{ type: "bank_transfer", amountMinor: 550 }]);
    // Bob at T2: 5.50 by card.
    await sell(store, "T2", bob, [{ type: "card", amountMinor: 550 }]);

    const supplies = await store.request<Entry>(
      "POST",
      `${API}/cash/expenses`,
      { id: uuidv7(), category: "supplies", amountMinor: 1200, receiptRef: "photos/2026-03-02/0001.jpg" },
      annToken,
    );
    expect(supplies.status).toBe(201);
    const cleaning = await store.request<Entry>(
      "POST",
      `${API}/cash/expenses`,
      { id: uuidv7(), category: "cleaning", amountMinor: 300 },
      bobToken,
    );
    expect(cleaning.status).toBe(201);
    const drop = await store.request<{ movementId: string }>("POST", `${API}/shifts/${t1}/cash`, {
      kind: "out",
      amountMinor: 2000,
      reason: "drop",
    });
    expect(drop.status).toBe(201);

    // The supplies were 10.00, not 12.00: 2.00 back into the drawer's count.
    const fix = {
      id: uuidv7(),
      correctsId: supplies.body.id,
      amountMinor: 200,
      reason: "receipt says 10.00",
    };
    const fixed = await store.request<Entry>("POST", `${API}/cash/corrections`, fix);
    expect(fixed.status).toBe(201);
    expect(fixed.body).toMatchObject({
      kind: "correction",
      correctsId: supplies.body.id,
      amountMinor: 200,
      tillId: "T1",
    });
    // The original is untouched.
    const original = store.ctx.sqlite
      .query<{ amount: number }, [string]>(
        "SELECT amount_minor AS amount FROM cash_book_entries WHERE id = ?",
      )
      .get(supplies.body.id);
    expect(original?.amount).toBe(-1200);
    // The drop was 20.00 but 25.00 left the drawer: a correction of the movement.
    const dropFix = await store.request<Entry>("POST", `${API}/cash/corrections`, {
      id: uuidv7(),
      correctsId: drop.body.movementId,
      amountMinor: -500,
      reason: "drop was 25.00",
    });
    expect(dropFix.status).toBe(201);

    const before = snapshot(store);
    const reverse = await store.request<ErrorBody>("POST", `${API}/cash/corrections`, {
      id: uuidv7(),
      correctsId: supplies.body.id,
      amountMinor: 1001,
      reason: "too much",
    });
    expect(reverse.status).toBe(409);
    expect(reverse.body.error.code).toBe("CORRECTION_REVERSES");
    const ofCorrection = await store.request<ErrorBody>("POST", `${API}/cash/corrections`, {
      id: uuidv7(),
      correctsId: fixed.body.id,
      amountMinor: 100,
      reason: "again",
    });
    expect(ofCorrection.status).toBe(409);
    expect(ofCorrection.body.error.code).toBe("CORRECTION_OF_CORRECTION");
    expect(snapshot(store)).toEqual(before);

    // 100.00 float + 5.50 cash sale − 12.00 + 2.00 − 20.00 − 5.00.
    expect(await expectedCash(store, t1)).toBe(10_000 + 550 - 1200 + 200 - 2000 - 500);
    expect(await expectedCash(store, t2)).toBe(2000 - 300);

    const report = await store.request<CashBook>(
      "GET",
      `${API}/reports/cash-book?from=2026-03-02&to=2026-03-02`,
    );
    expect(report.status).toBe(200);
    expect(report.body.entries.map((e) => [e.kind, e.amountMinor])).toEqual([
      ["expense", -1200],
      ["expense", -300],
      ["correction", 200],
      ["correction", -500],
    ]);
    expect(report.body.byCategory).toEqual([
      { category: "cleaning", amountMinor: 300 },
      { category: "supplies", amountMinor: 1200 },
    ]);
    const annTotals = report.body.byCashier.find((c) => c.cashierId === ann);
    expect(annTotals).toEqual({
      cashierId: ann,
      tenders: [
        { type: "bank_transfer", amountMinor: 550 },
        { type: "cash", amountMinor: 550 },
      ],
      cashInMinor: 0,
      cashOutMinor: 0,
      expensesMinor: 1200,
      correctionsMinor: 0,
      handInsMinor: 0,
    });
    expect(report.body.byTill).toEqual([
      {
        tillId: "T1",
        tenders: [
          { type: "bank_transfer", amountMinor: 550 },
          { type: "cash", amountMinor: 550 },
        ],
        cashInMinor: 0,
        cashOutMinor: 2000,
        expensesMinor: 1200,
        correctionsMinor: -300,
        handInsMinor: 0,
      },
      {
        tillId: "T2",
        tenders: [{ type: "card", amountMinor: 550 }],
        cashInMinor: 0,
        cashOutMinor: 0,
        expensesMinor: 300,
        correctionsMinor: 0,
        handInsMinor: 0,
      },
    ]);
    const bobOnly = await store.request<CashBook>(
      "GET",
      `${API}/reports/cash-book?from=2026-03-02&to=2026-03-02&cashierId=${bob}`,
    );
    expect(bobOnly.body.entries.map((e) => e.category)).toEqual(["cleaning"]);
    expect(bobOnly.body.byCashier.map((c) => c.cashierId)).toEqual([bob]);
    const t2Only = await store.request<CashBook>(
      "GET",
      `${API}/reports/cash-book?from=2026-03-02&to=2026-03-02&tillId=T2`,
    );
    expect(t2Only.body.byTill.map((t) => t.tillId)).toEqual(["T2"]);
    const otherDay = await store.request<CashBook>(
      "GET",
      `${API}/reports/cash-book?from=2026-03-03&to=2026-03-03`,
    );
    expect(otherDay.body.entries).toEqual([]);
    const backwards = await store.request<ErrorBody>(
      "GET",
      `${API}/reports/cash-book?from=2026-03-03&to=2026-03-02`,
    );
    expect(backwards.status).toBe(400);
  });

  test("a bank transfer is a built-in tender counted in the daily, tender and shift reports", async () => {
    const { ann } = await setUp();
    const shiftId = await openShift(store, "T1", 0);
    await sell(store, "T1", ann, [{ type: "bank_transfer", amountMinor: 550 }]);
    const daily = await store.request<{ byTender: Record<string, number> }>(
      "GET",
      `${API}/reports/daily?date=2026-03-02`,
    );
    expect(daily.body.byTender).toEqual({ bank_transfer: 550 });
    const x = await store.request<{ byTender: { type: string; amountMinor: number }[] }>(
      "GET",
      `${API}/shifts/${shiftId}/x-report`,
    );
    expect(x.body.byTender).toContainEqual({ type: "bank_transfer", amountMinor: 550 });
  });
});
