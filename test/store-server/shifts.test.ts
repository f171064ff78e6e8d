import { afterEach, describe, expect, test } from "bun:test";
import { uuidv7 } from "../../src/core/ids.ts";
import { addUser, createTestStore, loginAt, type TestStore } from "../support/store-app.ts";

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

async function openShift(s: TestStore, tillId: string, floatMinor: number, token?: string): Promise<Shift> {
  const res = await s.request<Shift>("POST", `${API}/shifts`, { tillId, floatMinor }, token);
  expect(res.status).toBe(201);
  return res.body;
}

describe("shifts", () => {
  test("one open shift per till: a second open is 409 and changes nothing", async () => {
    store = createTestStore();
    const shift = await openShift(store, "T1", 10_000);
    expect(shift).toMatchObject({ tillId: "T1", status: "open", floatMinor: 10_000, zNumber: null });
    const types = store.ctx.sqlite.query<{ type: string }, []>("SELECT type FROM events").all();
    expect(types.map((t) => t.type)).toEqual(["shift.opened"]);

    const before = snapshot(store);
    const again = await store.request<ErrorBody>("POST", `${API}/shifts`, { tillId: "T1", floatMinor: 5000 });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("SHIFT_ALREADY_OPEN");
    expect(again.body.error.details?.shiftId).toBe(shift.id);
    expect(snapshot(store)).toEqual(before);

    await openShift(store, "T2", 0);
    const current = await store.request<Shift>("GET", `${API}/shifts/current?tillId=T1`);
    expect(current.body.id).toBe(shift.id);
    const none = await store.request<ErrorBody>("GET", `${API}/shifts/current?tillId=T3`);
    expect(none.status).toBe(404);
    expect(none.body.error.code).toBe("NO_OPEN_SHIFT");
    const byId = await store.request<Shift>("GET", `${API}/shifts/${shift.id}`);
    expect(byId.body.id).toBe(shift.id);
    const list = await store.request<{ shifts: Shift[] }>("GET", `${API}/shifts?status=open`);
    expect(list.body.shifts).toHaveLength(2);
  });

  test("bad shift, cash and close bodies answer 400 and change nothing", async () => {
    store = createTestStore();
    const shift = await openShift(store, "T1", 1000);
    const before = snapshot(store);
    const cases: [string, string, unknown][] = [
      ["POST", `${API}/shifts`, { tillId: "T2", floatMinor: -1 }],
      ["POST", `${API}/shifts`, { tillId: "T2", floatMinor: 1.5 }],
      ["POST", `${API}/shifts`, { tillId: "T2", floatMinor: 1e12 }],
      ["POST", `${API}/shifts`, { tillId: "T2", floatMinor: "100" }],
      ["POST", `${API}/shifts`, { tillId: "T 2", floatMinor: 100 }],
      ["POST", `${API}/shifts`, { floatMinor: 100 }],
      ["POST", `${API}/shifts`, "{"],
      ["POST", `${API}/shifts/${shift.id}/cash`, { kind: "out", amountMinor: 0, reason: "x" }],
      ["POST", `${API}/shifts/${shift.id}/cash`, { kind: "out", amountMinor: -5, reason: "x" }],
      ["POST", `${API}/shifts/${shift.id}/cash`, { kind: "sideways", amountMinor: 5, reason: "x" }],
      ["POST", `${API}/shifts/${shift.id}/cash`, { kind: "in", amountMinor: 5, reason: "" }],
      ["POST", `${API}/shifts/${shift.id}/cash`, { kind: "in", amountMinor: 5, reason: "r".repeat(5000) }],
      ["POST", `${API}/shifts/${shift.id}/close`, {}],
      ["POST", `${API}/shifts/${shift.id}/close`, { counted: { cash: -1 } }],
      ["POST", `${API}/shifts/${shift.id}/close`, { counted: { "no way": 1, cash: 1 } }],
      [
        "POST",
        `${API}/shifts/${shift.id}/close`,
        { counted: { cash: 100 }, cashDenominations: [{ valueMinor: 100, count: 1 }] },
      ],
      ["POST", `${API}/shifts/not-a-uuid/close`, { counted: { cash: 1 } }],
      ["GET", `${API}/shifts/current`, undefined],
    ];
    for (const [method, path, body] of cases) {
      const res = await store.request<ErrorBody>(method, path, body);
      expect({ path, body, status: res.status }).toEqual({ path, body, status: 400 });
      expect(["INVALID_REQUEST", "MALFORMED_JSON"]).toContain(res.body.error.code);
    }
    const unknown = await store.request<ErrorBody>("POST", `${API}/shifts/${uuidv7()}/cash`, {
      kind: "in",
      amountMinor: 5,
      reason: "x",
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe("SHIFT_NOT_FOUND");
    expect(snapshot(store)).toEqual(before);
  });

  test("cashiers act on their own till only; no token is 401", async () => {
    store = createTestStore();
    await addUser(store, { name: "Ann", role: "cashier", pin: "1234" });
    const ann = await loginAt(store, "T1", "1234");
    const before = snapshot(store);
    const other = await store.request<ErrorBody>(
      "POST",
      `${API}/shifts`,
      { tillId: "T2", floatMinor: 0 },
      ann,
    );
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe("WRONG_TILL");
    const anon = await store.request<ErrorBody>(
      "POST",
      `${API}/shifts`,
      { tillId: "T1", floatMinor: 0 },
      null,
    );
    expect(anon.status).toBe(401);
    expect(snapshot(store)).toEqual(before);

    const mine = await openShift(store, "T1", 2500, ann);
    const t2 = await openShift(store, "T2", 0);
    const moveOther = await store.request<ErrorBody>(
      "POST",
      `${API}/shifts/${t2.id}/cash`,
      { kind: "in", amountMinor: 100, reason: "float top-up" },
      ann,
    );
    expect(moveOther.status).toBe(403);
    const listed = await store.request<{ shifts: Shift[] }>("GET", `${API}/shifts`, undefined, ann);
    expect(listed.body.shifts.map((s) => s.id)).toEqual([mine.id]);
    expect((await store.request("GET", `${API}/shifts?tillId=T2`, undefined, ann)).status).toBe(403);
    const move = await store.request(
      "POST",
      `${API}/shifts/${mine.id}/cash`,
      { kind: "in", amountMinor: 100, reason: "float top-up" },
      ann,
    );
    expect(move.status).toBe(201);
    const audit = store.ctx.sqlite
      .query<{ action: string; user_id: string }, []>(
        "SELECT action, user_id FROM audit WHERE action IN ('shift.opened', 'cash.in') ORDER BY id",
      )
      .all();
    expect(audit.map((a) => a.action)).toEqual(["shift.opened", "shift.opened", "cash.in"]);
    expect(audit[0]?.user_id).not.toBe("admin");
    expect(audit[1]?.user_id).toBe("admin");
  });

  test("cash out beyond the expected cash is allowed but flagged; a closed shift takes no cash", async () => {
    store = createTestStore();
    const shift = await openShift(store, "T1", 1000);
    const ok = await store.request<{ expectedCashMinor: number; exceedsExpectedCash?: boolean }>(
      "POST",
      `${API}/shifts/${shift.id}/cash`,
      { kind: "out", amountMinor: 400, reason: "safe drop" },
    );
    expect(ok.status).toBe(201);
    expect(ok.body.expectedCashMinor).toBe(600);
    expect(ok.body.exceedsExpectedCash).toBeUndefined();
    const over = await store.request<{ expectedCashMinor: number; exceedsExpectedCash?: boolean }>(
      "POST",
      `${API}/shifts/${shift.id}/cash`,
      { kind: "out", amountMinor: 700, reason: "bank run" },
    );
    expect(over.status).toBe(201);
    expect(over.body.exceedsExpectedCash).toBe(true);
    expect(over.body.expectedCashMinor).toBe(-100);
    const moved = store.ctx.sqlite
      .query<{ payload: string }, []>("SELECT payload FROM events WHERE type = 'cash.moved' ORDER BY seq")
      .all()
      .map((e) => JSON.parse(e.payload) as { kind: string; amountMinor: number; shiftId: string });
    expect(moved.map((m) => [m.kind, m.amountMinor, m.shiftId])).toEqual([
      ["out", 400, shift.id],
      ["out", 700, shift.id],
    ]);

    await store.request("POST", `${API}/shifts/${shift.id}/close`, { counted: { cash: 0 } });
    const before = snapshot(store);
    const late = await store.request<ErrorBody>("POST", `${API}/shifts/${shift.id}/cash`, {
      kind: "in",
      amountMinor: 5,
      reason: "late",
    });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe("SHIFT_CLOSED");
    expect(snapshot(store)).toEqual(before);
  });
});
