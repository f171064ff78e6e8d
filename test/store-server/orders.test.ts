/**
 * Customer orders at their pick-up store: placed with prepayment, stock reserved (available =
 * on hand − reserved), lines changed with the balance recomputed, moved through legal statuses,
 * picked with shortages and substitutes, collected as a sale with the reservation released;
 * every change in the order's history; bad input refused changing nothing.
 */
import { afterEach, beforeEach, describe, expect, test } from "bun:test";
import { uuidv7 } from "../../src/core/ids.ts";
import { createTestStore, type JsonObject, type TestStore } from "../support/store-app.ts";
import { API, onHandMilli, seedCatalog, session } from "./sales-fixtures.ts";

type Answer = JsonObject & { error?: { code: string; message: string } };
interface Summary {
  id: string;
  number: number;
  status: string;
  totalMinor: number;
  balanceDueMinor: number;
}

let store: TestStore;
let manager: { token: string; userId: string };
beforeEach(async () => {
  store = createTestStore({ storeId: "S1" });
  await seedCatalog(store);
  manager = await session(store, "manager", "3333", "BO");
  const received = await store.request(
    "POST",
    `${API}/stock/documents`,
    {
      id: uuidv7(),
      type: "receipt",
      post: true,
      lines: [
        { code: "MILK", qty: 10, unitCostMinor: 100 },
        { code: "BREAD", qty: 5, unitCostMinor: 100 },
        { code: "A1", qty: 4, unitCostMinor: 100 },
      ],
    },
    manager.token,
  );
  expect(received.status).toBe(201);
});
afterEach(() => store.close());

const slot = { date: "2026-03-03", from: "10:00", to: "11:00" };
const place = (body: JsonObject) => store.request<Summary & Answer>("POST", `${API}/orders`, body);
const stockOf = async (code: string) => {
  const res = await store.request<{ onHand: number; reserved: number; available: number }>(
    "GET",
    `${API}/stock?code=${code}`,
  );
  expect(res.status).toBe(200);
  return [res.body.onHand, res.body.reserved, res.body.available];
};
const quoteTotal = async (lines: JsonObject[]) => {
  const res = await store.request<{ totalMinor: number }>("POST", `${API}/baskets/quote`, { lines });
  expect(res.status).toBe(200);
  return res.body.totalMinor;
};
/** Rows of every table an order touches, for "changes nothing" checks. */
const rows = () =>
  ["customer_orders", "order_reservations", "order_history", "events", "sales", "stock_movements"].map((t) =>
    store.count(t),
  );

describe("placing an order", () => {
  test("priced by the catalog or the shop's price, prepaid, stock reserved; a repeat answers the same order", async () => {
    const id = uuidv7();
    const body = {
      id,
      pickupStore: "S1",
      slot,
      lines: [
        { code: "MILK", qty: 3 },
        { code: "BREAD", qty: 1, unitPriceMinor: 250 },
      ],
      prepaid: [{ type: "card", amountMinor: 500, ref: "shop-pay-1" }],
    };
    const res = await place(body);
    expect(res.status).toBe(201);
    const total = await quoteTotal([
      { code: "MILK", qty: 3 },
      { code: "BREAD", qty: 1, unitPriceMinor: 250 },
    ]);
    expect(res.body).toEqual({
      id,
      number: 1,
      status: "placed",
      totalMinor: total,
      balanceDueMinor: total - 500,
    });
    expect(await stockOf("MILK")).toEqual([10, 3, 7]);
    expect(await stockOf("BREAD")).toEqual([5, 1, 4]);

    const again = await place(body);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(res.body);
    expect(await stockOf("MILK")).toEqual([10, 3, 7]);

    const detail = await store.request<{ lines: JsonObject[]; history: JsonObject[] }>(
      "GET",
      `${API}/orders/${id}`,
    );
    expect(detail.body.lines.map((l) => [l.code, l.qty, l.unitPriceMinor])).toEqual([
      ["MILK", 3, 349],
      ["BREAD", 1, 250],
    ]);
    expect(detail.body.history.map((h) => h.action)).toEqual(["placed"]);
  });

  test("an anonymous order for delivery, without prepayment, owes its total", async () => {
    const res = await place({
      id: uuidv7(),
      pickupStore: "S1",
      delivery: { address: "1 Main St", phone: "+1 555 0100" },
      lines: [{ code: "A1", qty: 2 }],
    });
    expect(res.status).toBe(201);
    expect(res.body.balanceDueMinor).toBe(res.body.totalMinor);
  });

  test("bad input is refused precisely and changes nothing", async () => {
    const before = rows();
    const base = { pickupStore: "S1", slot, lines: [{ code: "MILK", qty: 1 }] };
    const cases: [JsonObject, number, string][] = [
      [{ ...base, id: uuidv7(), pickupStore: "S9" }, 400, "UNKNOWN_SITE"],
      [{ ...base, id: uuidv7(), lines: [{ code: "NOPE", qty: 1 }] }, 404, "UNKNOWN_CODE"],
      [{ ...base, id: uuidv7(), lines: [{ code: "MILK", qty: 11 }] }, 409, "OVER_RESERVATION"],
      [{ ...base, id: uuidv7(), prepaid: [{ type: "cash", amountMinor: 100 }] }, 400, "UNKNOWN_TENDER"],
      [{ ...base, id: uuidv7(), customerId: "C 1042" }, 400, "INVALID_REQUEST"],
    ];
    for (const [body, status, code] of cases) {
      const res = await place(body);
      expect([res.status, res.body.error?.code]).toEqual([status, code]);
    }
    const noSlot = await place({ id: uuidv7(), pickupStore: "S1", lines: [{ code: "MILK", qty: 1 }] });
    expect(noSlot.status).toBe(400);
    expect(rows()).toEqual(before);
    expect(await stockOf("MILK")).toEqual([10, 0, 10]);
  });

  test("over-reservation counts what other orders hold; the same id with other content is refused", async () => {
    const first = uuidv7();
    expect(
      (await place({ id: first, pickupStore: "S1", slot, lines: [{ code: "MILK", qty: 8 }] })).status,
    ).toBe(201);
    const second = await place({ id: uuidv7(), pickupStore: "S1", slot, lines: [{ code: "MILK", qty: 3 }] });
    expect(second.status).toBe(409);
    expect(second.body.error?.code).toBe("OVER_RESERVATION");
    expect(second.body.error?.message).toContain("2 available");
    const reused = await place({ id: first, pickupStore: "S1", slot, lines: [{ code: "MILK", qty: 1 }] });
    expect([reused.status, reused.body.error?.code]).toEqual([409, "ORDER_ID_REUSED"]);
    expect(await stockOf("MILK")).toEqual([10, 8, 2]);
  });
});

describe("changing, moving and collecting an order", () => {
  let id: string;
  beforeEach(async () => {
    id = uuidv7();
    const res = await place({
      id,
      pickupStore: "S1",
      slot,
      lines: [{ code: "MILK", qty: 2 }],
      prepaid: [{ type: "card", amountMinor: 1000, ref: "pay-1" }],
    });
    expect(res.status).toBe(201);
  });

  test("changed lines re-reserve and recompute the balance; the history says who changed what", async () => {
    const res = await store.request<Summary>(
      "PATCH",
      `${API}/orders/${id}`,
      {
        lines: [
          { code: "MILK", qty: 1 },
          { code: "A1", qty: 2 },
        ],
      },
      manager.token,
    );
    expect(res.status).toBe(200);
    const total = await quoteTotal([
      { code: "MILK", qty: 1 },
      { code: "A1", qty: 2 },
    ]);
    expect([res.body.totalMinor, res.body.balanceDueMinor]).toEqual([total, total - 1000]);
    expect(await stockOf("MILK")).toEqual([10, 1, 9]);
    expect(await stockOf("A1")).toEqual([4, 2, 2]);
    const detail = await store.request<{ history: JsonObject[] }>("GET", `${API}/orders/${id}`);
    expect(detail.body.history.map((h) => [h.action, h.userId])).toEqual([
      ["placed", null],
      ["lines_changed", manager.userId],
    ]);
    const over = await store.request<Answer>("PATCH", `${API}/orders/${id}`, {
      lines: [{ code: "A1", qty: 5 }],
    });
    expect([over.status, over.body.error?.code]).toEqual([409, "OVER_RESERVATION"]);
    expect(await stockOf("A1")).toEqual([4, 2, 2]);
  });

  test("only legal transitions; cancelling releases the stock", async () => {
    const skip = await store.request<Answer>("POST", `${API}/orders/${id}/status`, { status: "ready" });
    expect([skip.status, skip.body.error?.code]).toEqual([409, "BAD_TRANSITION"]);
    for (const status of ["confirmed", "picked", "ready"]) {
      const res = await store.request<Summary>("POST", `${API}/orders/${id}/status`, { status });
      expect([res.status, res.body.status]).toEqual([200, status]);
    }
    const bogus = await store.request<Answer>("POST", `${API}/orders/${id}/status`, { status: "collected" });
    expect(bogus.status).toBe(400);
    const cancelled = await store.request<Summary>("POST", `${API}/orders/${id}/status`, {
      status: "cancelled",
    });
    expect(cancelled.body.status).toBe("cancelled");
    expect(await stockOf("MILK")).toEqual([10, 0, 10]);
    const back = await store.request<Answer>("POST", `${API}/orders/${id}/status`, { status: "confirmed" });
    expect([back.status, back.body.error?.code]).toEqual([409, "ORDER_CANCELLED"]);
  });

  test("collected: a sale of its lines, the excess prepayment refunded, stock released; then it cannot change", async () => {
    const collected = await store.request<
      Summary & { saleId: string; refundedMinor: number; receiptNo: string }
    >("POST", `${API}/orders/${id}/collect`, { tenders: [], tillId: "WEB" });
    expect(collected.status).toBe(200);
    const total = await quoteTotal([{ code: "MILK", qty: 2 }]);
    expect(collected.body.status).toBe("collected");
    expect(collected.body.refundedMinor).toBe(1000 - total);
    const sale = await store.request<{ totalMinor: number; tenders: JsonObject[] }>(
      "GET",
      `${API}/sales/${collected.body.saleId}`,
    );
    expect(sale.body.totalMinor).toBe(total);
    expect(sale.body.tenders.map((t) => [t.type, t.amountMinor])).toEqual([["card", total]]);
    expect(onHandMilli(store, "MILK")).toBe(8000);
    expect(await stockOf("MILK")).toEqual([8, 0, 8]);

    const before = rows();
    const change = await store.request<Answer>("PATCH", `${API}/orders/${id}`, {
      lines: [{ code: "MILK", qty: 1 }],
    });
    expect([change.status, change.body.error?.code]).toEqual([409, "ORDER_COLLECTED"]);
    const again = await store.request<Answer>("POST", `${API}/orders/${id}/collect`, {
      tenders: [],
      tillId: "WEB",
    });
    expect([again.status, again.body.error?.code]).toEqual([409, "ORDER_COLLECTED"]);
    expect(rows()).toEqual(before);
  });

  test("a balance due is taken at collection; too little is refused changing nothing", async () => {
    await store.request("PATCH", `${API}/orders/${id}`, { lines: [{ code: "MILK", qty: 5 }] });
    const order = await store.request<Summary>("GET", `${API}/orders/${id}`);
    const due = order.body.balanceDueMinor;
    expect(due).toBeGreaterThan(0);
    const before = rows();
    const short = await store.request<Answer>("POST", `${API}/orders/${id}/collect`, {
      tenders: [{ type: "cash", amountMinor: due - 1 }],
      tillId: "WEB",
    });
    expect(short.status).toBe(400);
    expect(rows()).toEqual(before);
    const paid = await store.request<{ changeMinor: number; status: string }>(
      "POST",
      `${API}/orders/${id}/collect`,
      {
        tenders: [{ type: "cash", amountMinor: due + 100 }],
        tillId: "WEB",
      },
    );
    expect(paid.status).toBe(200);
    expect(paid.body.status).toBe("collected");
    expect(paid.body.changeMinor).toBeGreaterThanOrEqual(100);
  });

  test("picking records a shortage and a substitute, recomputes the balance, and lists the slot", async () => {
    await store.request("PATCH", `${API}/orders/${id}`, {
      lines: [
        { code: "MILK", qty: 2 },
        { code: "A1", qty: 1 },
      ],
    });
    const list = await store.request<{ orders: JsonObject[]; totals: JsonObject[] }>(
      "GET",
      `${API}/orders/picking?date=2026-03-03&slot=10:00`,
    );
    expect(list.body.totals).toEqual([
      { code: "A1", name: "Apple juice", qty: 1 },
      { code: "MILK", name: "Milk 1l", qty: 2 },
    ]);
    const txt = await store.app.handle(
      new Request(`http://store${API}/orders/picking?date=2026-03-03&format=txt`, {
        headers: { authorization: `Bearer ${store.adminToken}` },
      }),
    );
    expect(await txt.text()).toContain("[ ] MILK Milk 1l");

    const before = rows();
    const over = await store.request<Answer>("POST", `${API}/orders/${id}/picking`, {
      lines: [{ line: 1, picked: 3 }],
    });
    expect([over.status, over.body.error?.code]).toEqual([400, "PICKED_OVER_ORDERED"]);
    const noLine = await store.request<Answer>("POST", `${API}/orders/${id}/picking`, {
      lines: [{ line: 3, picked: 1 }],
    });
    expect([noLine.status, noLine.body.error?.code]).toEqual([400, "NO_SUCH_LINE"]);
    expect(rows()).toEqual(before);

    const picked = await store.request<Summary>("POST", `${API}/orders/${id}/picking`, {
      lines: [
        { line: 1, picked: 1 },
        { line: 2, substitute: { code: "BREAD" } },
      ],
    });
    expect(picked.status).toBe(200);
    expect(picked.body.status).toBe("picked");
    const total = await quoteTotal([
      { code: "MILK", qty: 1 },
      { code: "BREAD", qty: 1 },
    ]);
    expect([picked.body.totalMinor, picked.body.balanceDueMinor]).toEqual([total, total - 1000]);
    const detail = await store.request<{ lines: JsonObject[] }>("GET", `${API}/orders/${id}`);
    expect(detail.body.lines.map((l) => [l.code, l.qty, l.shortMilli, l.substitutes])).toEqual([
      ["MILK", 1, 1000, undefined],
      ["BREAD", 1, undefined, "A1"],
    ]);
    expect(await stockOf("A1")).toEqual([4, 0, 4]);
    expect(await stockOf("BREAD")).toEqual([5, 1, 4]);
  });
});

describe("orders in the journal", () => {
  test("every change is an order.changed event; GET /orders lists by status and day", async () => {
    const id = uuidv7();
    await place({ id, pickupStore: "S1", slot, lines: [{ code: "MILK", qty: 1 }] });
    await store.request("POST", `${API}/orders/${id}/status`, { status: "confirmed" });
    const types = store.ctx.sqlite
      .query<{ type: string }, []>("SELECT type FROM events WHERE type = 'order.changed'")
      .all();
    expect(types.length).toBe(2);
    const listed = await store.request<{ orders: Summary[] }>(
      "GET",
      `${API}/orders?status=confirmed&date=2026-03-03`,
    );
    expect(listed.body.orders.map((o) => o.id)).toEqual([id]);
    const none = await store.request<{ orders: Summary[] }>("GET", `${API}/orders?status=placed`);
    expect(none.body.orders).toEqual([]);
    const elsewhere = await store.request<{ orders: Summary[] }>("GET", `${API}/orders?store=S2`);
    expect(elsewhere.body.orders).toEqual([]);
    const here = await store.request<{ orders: Summary[] }>("GET", `${API}/orders?store=S1`);
    expect(here.body.orders.map((o) => o.id)).toEqual([id]);
  });
});
