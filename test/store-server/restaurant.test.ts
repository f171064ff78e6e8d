/**
 * The restaurant mode on a real SQLite store: the floor, orders opened by waiters, lines with
 * modifiers and notes, rounds and fired courses recorded for the kitchen, transfers, merges,
 * splits and checks paid as sales (counted once in the daily report), and bad input refused
 * with nothing changed.
 */
import { afterEach, beforeEach, describe, expect, test } from "bun:test";
import { uuidv7 } from "../../src/core/ids.ts";
import { createTestStore, type JsonObject, type TestStore } from "../support/store-app.ts";
import { API, session } from "./sales-fixtures.ts";

interface ErrorBody {
  error: { code: string; message: string };
}
interface Line {
  id: string;
  seat: number;
  course: number;
  amountMinor: number;
  roundId: string | null;
  firedAt: string | null;
  modifiers: { code: string; unitPriceMinor: number }[];
  note: string | null;
}
interface Check {
  id: string;
  label: string;
  totalMinor: number;
  parts: number[] | null;
  saleId: string | null;
  tipMinor: number;
}
interface Order {
  id: string;
  tableId: string | null;
  waiterId: string;
  status: string;
  lines: Line[];
  checks: Check[];
  amountMinor: number;
}
interface Table {
  id: string;
  status: string;
  orderId: string | null;
  waiterName: string | null;
  amountMinor: number;
}

const MENU = [
  { code: "SOUP", name: "Soup of the day", priceMinor: 650, taxClass: null, category: "starters" },
  { code: "STEAK", name: "Steak frites", priceMinor: 1900, taxClass: "1" },
  { code: "CAKE", name: "Chocolate cake", priceMinor: 700, taxClass: null },
  { code: "XCHEESE", name: "Extra cheese", priceMinor: 150, taxClass: null },
  { code: "BOX", name: "Takeaway box", priceMinor: 30, taxClass: null },
];

let store: TestStore;
let ann: { token: string; userId: string };
let bob: { token: string; userId: string };

beforeEach(async () => {
  store = createTestStore({ settings: { mode: "restaurant", restaurant: { packagingCode: "BOX" } } });
  expect(
    (await store.request("POST", `${API}/categories`, { id: "starters", name: "Starters" })).status,
  ).toBe(200);
  for (const product of MENU)
    expect((await store.request("POST", `${API}/products`, product)).status).toBe(200);
  const floor = await store.request("POST", `${API}/tables`, {
    tables: [
      { id: "T1", area: "Hall", name: "1", seats: 4 },
      { id: "T2", area: "Hall", name: "2", seats: 2 },
      { id: "P1", area: "Patio", name: "P1", seats: 6 },
    ],
  });
  expect(floor.status).toBe(200);
  ann = await session(store, "cashier", "1111", "TILL1");
  bob = await session(store, "cashier", "2222", "TILL2");
});
afterEach(() => store.close());

async function ok<T = Order>(method: string, path: string, body: unknown, token: string): Promise<T> {
  const res = await store.request<T>(method, `${API}${path}`, body, token);
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

async function open(tableId: string, who: { token: string }): Promise<Order> {
  return ok("POST", "/table-orders", { id: uuidv7(), tableId, guests: 2 }, who.token);
}

function restaurantState(): JsonObject {
  const out: JsonObject = {};
  for (const t of [
    "dining_tables",
    "table_orders",
    "table_order_lines",
    "table_rounds",
    "table_checks",
    "sales",
    "events",
  ])
    out[t] = store.ctx.sqlite.query(`SELECT * FROM ${t} ORDER BY rowid`).all();
  return out;
}

async function refused(
  method: string,
  path: string,
  body: unknown,
  token: string,
  status: number,
  code: string,
) {
  const before = restaurantState();
  const res = await store.request<ErrorBody>(method, `${API}${path}`, body, token);
  expect({ status: res.status, code: res.body.error?.code }).toEqual({ status, code });
  expect(restaurantState()).toEqual(before);
  return res.body.error.message;
}

describe("restaurant mode", () => {
  test("two waiters on two tables: rounds, a fired course, a split by seat paid with two tenders", async () => {
    const t1 = await open("T1", ann);
    const t2 = await open("T2", bob);
    expect(t1.waiterId).toBe(ann.userId);
    expect(t2.waiterId).toBe(bob.userId);

    await ok(
      "POST",
      `/table-orders/${t1.id}/lines`,
      {
        lines: [
          { id: "l1", code: "SOUP", seat: 1, course: 1, note: "no croutons" },
          { id: "l2", code: "STEAK", seat: 1, course: 2, modifiers: ["XCHEESE"] },
          { id: "l3", code: "SOUP", seat: 2, course: 1 },
          { id: "l4", code: "CAKE", seat: 2, course: 3, qty: 2 },
        ],
      },
      ann.token,
    );
    const round = await ok<{
      kind: string;
      lines: { name: string; modifiers: string[]; note: string | null; categoryId: string | null }[];
    }>("POST", `/table-orders/${t1.id}/rounds`, { id: uuidv7() }, ann.token);
    expect(round.kind).toBe("round");
    expect(round.lines).toHaveLength(4);
    expect(round.lines[0]).toMatchObject({
      name: "Soup of the day",
      note: "no croutons",
      categoryId: "starters",
    });
    expect(round.lines[1]?.modifiers).toEqual(["Extra cheese"]);
    await refused(
      "POST",
      `/table-orders/${t1.id}/rounds`,
      { id: uuidv7() },
      ann.token,
      409,
      "NOTHING_TO_SEND",
    );

    const fired = await ok<{ kind: string; course: number; lines: unknown[] }>(
      "POST",
      `/table-orders/${t1.id}/fire`,
      { id: uuidv7(), course: 2 },
      ann.token,
    );
    expect(fired).toMatchObject({ kind: "fire", course: 2 });
    expect(fired.lines).toHaveLength(1);
    expect(store.count("table_rounds")).toBe(2);

    await ok(
      "POST",
      `/table-orders/${t2.id}/lines`,
      { lines: [{ id: "m1", code: "CAKE", seat: 1 }] },
      bob.token,
    );

    const tables = await ok<{ tables: Table[] }>("GET", "/tables", undefined, ann.token);
    expect(tables.tables.map((t) => [t.id, t.status])).toEqual([
      ["T1", "ordered"],
      ["T2", "ordered"],
      ["P1", "free"],
    ]);
    expect(tables.tables[0]?.amountMinor).toBe(650 + 1900 + 150 + 650 + 1400);

    const split = await ok("POST", `/table-orders/${t1.id}/split`, { by: "seat" }, ann.token);
    expect(split.status).toBe("billed");
    expect(split.checks.map((c) => c.label)).toEqual(["Seat 1", "Seat 2"]);
    const [seat1, seat2] = split.checks as [Check, Check];
    expect(seat2.totalMinor).toBe(650 + 1400);
    expect((await ok<{ tables: Table[] }>("GET", "/tables", undefined, ann.token)).tables[0]?.status).toBe(
      "bill_printed",
    );

    const paid1 = await ok<{ check: Check; receiptNo: string }>(
      "POST",
      `/table-orders/${t1.id}/checks/${seat1.id}/pay`,
      {
        saleId: uuidv7(),
        tenders: [
          { type: "cash", amountMinor: 1000 },
          { type: "card", amountMinor: seat1.totalMinor - 1000 },
        ],
        tipMinor: 300,
      },
      ann.token,
    );
    expect(paid1.check).toMatchObject({ tipMinor: 300 });
    const saleId = uuidv7();
    const pay2 = { saleId, tenders: [{ type: "card", amountMinor: seat2.totalMinor }] };
    await ok("POST", `/table-orders/${t1.id}/checks/${seat2.id}/pay`, pay2, ann.token);
    // A repeat of the same payment records nothing more.
    await ok("POST", `/table-orders/${t1.id}/checks/${seat2.id}/pay`, pay2, ann.token);
    const done = await ok("GET", `/table-orders/${t1.id}`, undefined, ann.token);
    expect(done.status).toBe("paid");

    const report = await ok<{ salesCount: number; totalMinor: number; byTender: Record<string, number> }>(
      "GET",
      "/reports/daily?date=2026-03-02",
      undefined,
      store.adminToken,
    );
    expect(report.salesCount).toBe(2);
    expect(report.totalMinor).toBe(seat1.totalMinor + seat2.totalMinor);
    expect(report.byTender.cash).toBe(1000);
    expect((await ok<{ tables: Table[] }>("GET", "/tables", undefined, ann.token)).tables[0]?.status).toBe(
      "paid",
    );

    // An order already closed takes no more lines.
    await refused(
      "POST",
      `/table-orders/${t1.id}/lines`,
      { lines: [{ id: "late", code: "CAKE" }] },
      ann.token,
      409,
      "TABLE_ORDER_CLOSED",
    );
    // The paid table takes a new order.
    await open("T1", bob);
  });

  test("equal parts add up to the check to the minor unit; a split that does not add up is refused", async () => {
    const order = await open("P1", ann);
    await ok(
      "POST",
      `/table-orders/${order.id}/lines`,
      {
        lines: [
          { id: "a", code: "SOUP" },
          { id: "b", code: "CAKE" },
          { id: "c", code: "XCHEESE" },
        ],
      },
      ann.token,
    );
    const total = 650 + 700 + 150;
    const equal = await ok("POST", `/table-orders/${order.id}/split`, { by: "equal", parts: 3 }, ann.token);
    expect(equal.checks[0]?.parts).toEqual([500, 500, 500]);
    await refused(
      "POST",
      `/table-orders/${order.id}/split`,
      { by: "amounts", amountsMinor: [1000, 400] },
      ann.token,
      400,
      "SPLIT_MISMATCH",
    );
    await refused(
      "POST",
      `/table-orders/${order.id}/split`,
      { by: "lines", groups: [["a"], ["b"]] },
      ann.token,
      400,
      "SPLIT_MISMATCH",
    );
    const amounts = await ok(
      "POST",
      `/table-orders/${order.id}/split`,
      { by: "amounts", amountsMinor: [1001, 499] },
      ann.token,
    );
    const check = amounts.checks[0] as Check;
    expect(check.totalMinor).toBe(total);
    await refused(
      "POST",
      `/table-orders/${order.id}/checks/${check.id}/pay`,
      { saleId: uuidv7(), tenders: [{ type: "card", amountMinor: total }] },
      ann.token,
      400,
      "CHECK_TENDERS_MISMATCH",
    );
    await ok(
      "POST",
      `/table-orders/${order.id}/checks/${check.id}/pay`,
      {
        saleId: uuidv7(),
        tenders: [
          { type: "card", amountMinor: 1001 },
          { type: "cash", amountMinor: 499 },
        ],
      },
      ann.token,
    );
    expect((await ok("GET", `/table-orders/${order.id}`, undefined, ann.token)).status).toBe("paid");
  });

  test("transfer a table, move lines, hand to another waiter, merge; unknown table or waiter refused", async () => {
    const a = await open("T1", ann);
    const b = await open("T2", bob);
    await ok(
      "POST",
      `/table-orders/${a.id}/lines`,
      {
        lines: [
          { id: "x1", code: "SOUP" },
          { id: "x2", code: "CAKE" },
        ],
      },
      ann.token,
    );
    await refused(
      "POST",
      `/table-orders/${a.id}/transfer`,
      { toTableId: "NOPE" },
      ann.token,
      400,
      "UNKNOWN_TABLE",
    );
    await refused(
      "POST",
      `/table-orders/${a.id}/transfer`,
      { toWaiterId: "ghost" },
      ann.token,
      400,
      "UNKNOWN_WAITER",
    );
    await refused(
      "POST",
      `/table-orders/${a.id}/transfer`,
      { toTableId: "T2" },
      ann.token,
      409,
      "TABLE_OCCUPIED",
    );
    await refused("POST", "/table-orders", { id: uuidv7(), tableId: "T1" }, bob.token, 409, "TABLE_OCCUPIED");

    const moved = await ok(
      "POST",
      `/table-orders/${a.id}/transfer`,
      { toTableId: "P1", toWaiterId: bob.userId },
      ann.token,
    );
    expect(moved).toMatchObject({ tableId: "P1", waiterId: bob.userId });
    await ok("POST", `/table-orders/${a.id}/transfer`, { toTableId: "T2", lineIds: ["x2"] }, bob.token);
    expect((await ok("GET", `/table-orders/${b.id}`, undefined, bob.token)).lines.map((l) => l.id)).toEqual([
      "x2",
    ]);

    const merged = await ok("POST", `/table-orders/${b.id}/merge`, { fromOrderId: a.id }, bob.token);
    expect(merged.lines.map((l) => l.id).sort()).toEqual(["x1", "x2"]);
    expect((await ok("GET", `/table-orders/${a.id}`, undefined, bob.token)).status).toBe("merged");
    await refused(
      "POST",
      `/table-orders/${a.id}/lines`,
      { lines: [{ id: "y", code: "SOUP" }] },
      bob.token,
      409,
      "TABLE_ORDER_CLOSED",
    );
    const floor = await ok<{ tables: Table[] }>("GET", "/tables", undefined, bob.token);
    expect(floor.tables.map((t) => t.status)).toEqual(["free", "ordered", "free"]);
    // Every action left a trace.
    const actions = store.ctx.sqlite
      .query<{ action: string }, []>("SELECT action FROM audit WHERE action LIKE 'table_order.%'")
      .all()
      .map((r) => r.action);
    expect(actions).toContain("table_order.transferred");
    expect(actions).toContain("table_order.lines_moved");
    expect(actions).toContain("table_order.merged");
  });

  test("tips go to the waiter of the check in the shift report", async () => {
    const shift = await ok<{ id: string }>(
      "POST",
      "/shifts",
      { tillId: "TILL1", floatMinor: 0 },
      store.adminToken,
    );
    for (const [who, tipMinor] of [
      [ann, 200],
      [bob, 150],
      [ann, 100],
    ] as const) {
      const order = await ok("POST", "/table-orders", { id: uuidv7(), takeaway: true }, who.token);
      await ok(
        "POST",
        `/table-orders/${order.id}/lines`,
        { lines: [{ id: uuidv7(), code: "SOUP" }] },
        who.token,
      );
      const billed = await ok("POST", `/table-orders/${order.id}/bill`, undefined, who.token);
      const check = billed.checks[0] as Check;
      await ok(
        "POST",
        `/table-orders/${order.id}/checks/${check.id}/pay`,
        { saleId: uuidv7(), tenders: [{ type: "card", amountMinor: check.totalMinor }], tipMinor },
        ann.token,
      );
    }
    const report = await ok<{ tips: { waiterId: string; name: string; tipMinor: number; checks: number }[] }>(
      "GET",
      `/shifts/${shift.id}/x-report`,
      undefined,
      store.adminToken,
    );
    expect(report.tips.sort((a, b) => a.tipMinor - b.tipMinor)).toEqual([
      { waiterId: bob.userId, name: "cashier 2222", tipMinor: 150, checks: 1 },
      { waiterId: ann.userId, name: "cashier 1111", tipMinor: 300, checks: 2 },
    ]);
  });

  test("takeaway adds packaging; a waiter comes from the session, never the body", async () => {
    const order = await ok("POST", "/table-orders", { id: uuidv7(), takeaway: true }, ann.token);
    await ok(
      "POST",
      `/table-orders/${order.id}/lines`,
      { lines: [{ id: "t1", code: "CAKE", qty: 2 }] },
      ann.token,
    );
    const billed = await ok("POST", `/table-orders/${order.id}/bill`, undefined, ann.token);
    expect(billed.checks[0]?.totalMinor).toBe(1400 + 60);
    await refused(
      "POST",
      "/table-orders",
      { id: uuidv7(), tableId: "T1" },
      store.adminToken,
      403,
      "WAITER_REQUIRED",
    );
    await refused(
      "POST",
      "/table-orders",
      { id: uuidv7(), tableId: "T1", waiterId: bob.userId },
      ann.token,
      400,
      "INVALID_REQUEST",
    );
  });
});
