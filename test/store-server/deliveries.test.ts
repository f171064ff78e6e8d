import { afterEach, describe, expect, test } from "bun:test";
import { uuidv7 } from "../../src/core/ids.ts";
import type { StoreSettingsInput } from "../../src/core/settings.ts";
import { addCourier } from "../support/couriers.ts";
import { addUser, createTestStore, loginAt, type TestStore } from "../support/store-app.ts";

interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}
interface Delivery {
  id: string;
  status: string;
  courierId: string | null;
  feeMinor: number;
  collectMinor: number;
  collectedMinor: number;
  handInId: string | null;
  history: { status: string; userId: string }[];
}

const API = "/api/v1";
let store: TestStore;
afterEach(() => store?.close());

function snapshot(s: TestStore) {
  return {
    events: s.journalLength(),
    deliveries: s.count("deliveries"),
    statuses: s.count("delivery_statuses"),
    outbox: s.count("notification_outbox"),
    audit: s.count("audit"),
    book: s.count("cash_book_entries"),
    sales: s.count("sales"),
    orders: s.ctx.sqlite.query("SELECT id, status, sale_id FROM customer_orders ORDER BY id").all(),
  };
}

function notifications(s: TestStore): { deliveryId: string; status: string }[] {
  return s.ctx.sqlite
    .query<{ body: string }, []>("SELECT body FROM notification_outbox ORDER BY rowid")
    .all()
    .map((r) => JSON.parse(r.body) as { deliveryId: string; status: string });
}

async function setUp(settings: StoreSettingsInput = { deliveryFeeProduct: "DELIVERY" }) {
  store = createTestStore({ settings });
  store.ctx.notifications = {
    webhookUrl: "http://127.0.0.1:9/hooks",
    secret: "a-secret-of-sixteen-chars",
    maxAttempts: 3,
    retryMinMs: 1000,
    retryMaxMs: 2000,
    timeoutMs: 1000,
  };
  store.ctx.orders = { allowOverReservation: true };
  await addUser(store, { name: "Ann", role: "cashier", pin: "1111" });
  const annToken = await loginAt(store, "T1", "1111");
  const kim = addCourier(store.ctx.sqlite, "C-KIM", "Kim", "7001");
  const lee = addCourier(store.ctx.sqlite, "C-LEE", "Lee", "7002");
  const kimToken = await loginAt(store, "K1", "7001");
  const leeToken = await loginAt(store, "K2", "7002");
  const bread = { code: "BREAD", name: "Bread", priceMinor: 275, taxClass: null };
  expect((await store.request("POST", `${API}/products`, bread)).status).toBe(200);
  const fee = { code: "DELIVERY", name: "Delivery", priceMinor: 0, taxClass: null };
  expect((await store.request("POST", `${API}/products`, fee)).status).toBe(200);
  return { annToken, kim, lee, kimToken, leeToken };
}

async function saleId(s: TestStore): Promise<string> {
  const id = uuidv7();
  const res = await s.request("POST", `${API}/sales`, {
    id,
    tillId: "T1",
    lines: [{ code: "BREAD", qty: 2 }],
    tenders: [{ type: "card", amountMinor: 550 }],
  });
  expect(res.status).toBe(201);
  return id;
}

const status = (s: TestStore, id: string, to: string, token?: string) =>
  s.request<Delivery & ErrorBody>("POST", `${API}/deliveries/${id}/status`, { status: to }, token);

describe("deliveries", () => {
  test("statuses only go forward, set by the assigned courier with his own session; the customer is notified once per status", async () => {
    const { annToken, kim, kimToken, leeToken } = await setUp();
    const sale = await saleId(store);
    const body = {
      id: uuidv7(),
      saleId: sale,
      address: "12 Rue des Lilas, Lyon",
      phone: "+33 6 12 34 56 78",
      feeMinor: 300,
      promisedAt: "2026-03-02T16:30:00Z",
    };
    const created = await store.request<Delivery>("POST", `${API}/deliveries`, body, annToken);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: "accepted",
      courierId: null,
      feeMinor: 300,
      collectMinor: 0,
    });
    // The same request again answers the same delivery; another with the id is refused.
    const again = await store.request<Delivery>("POST", `${API}/deliveries`, body, annToken);
    expect(again.body.id).toBe(body.id);
    const twice = await store.request<ErrorBody>(
      "POST",
      `${API}/deliveries`,
      { ...body, feeMinor: 0 },
      annToken,
    );
    expect(twice.body.error.code).toBe("DELIVERY_ID_REUSED");
    const second = await store.request<ErrorBody>(
      "POST",
      `${API}/deliveries`,
      { ...body, id: uuidv7() },
      annToken,
    );
    expect(second.body.error.code).toBe("ALREADY_DELIVERING");

    const id = body.id;
    // The courier sees nothing that is not his, and may not touch it.
    expect(
      (await store.request<{ deliveries: Delivery[] }>("GET", `${API}/deliveries`, undefined, kimToken)).body
        .deliveries,
    ).toEqual([]);
    expect((await status(store, id, "preparing", kimToken)).body.error.code).toBe("NOT_YOUR_DELIVERY");
    expect((await status(store, id, "on_the_way", annToken)).body.error.code).toBe("NO_COURIER");
    const notCourier = await store.request<ErrorBody>(
      "POST",
      `${API}/deliveries/${id}/courier`,
      {
        courierId: (await store.request<{ users: { id: string }[] }>("GET", `${API}/users`)).body.users[0]
          ?.id,
      },
      annToken,
    );
    expect(notCourier.body.error.code).toBe("NOT_A_COURIER");

    const assigned = await store.request<Delivery>(
      "POST",
      `${API}/deliveries/${id}/courier`,
      { courierId: kim },
      annToken,
    );
    expect(assigned.body.courierId).toBe(kim);
    expect((await status(store, id, "preparing", annToken)).body.status).toBe("preparing");
    expect((await status(store, id, "on_the_way", kimToken)).body.status).toBe("on_the_way");
    expect((await status(store, id, "on_the_way", leeToken)).body.error.code).toBe("NOT_YOUR_DELIVERY");

    const before = snapshot(store);
    const back = await status(store, id, "preparing", kimToken);
    expect(back.status).toBe(409);
    expect(back.body.error.code).toBe("STATUS_BACKWARDS");
    expect(back.body.error.details).toMatchObject({
      status: "on_the_way",
      requested: "preparing",
      next: ["delivered", "failed"],
    });
    const reassign = await store.request<ErrorBody>(
      "POST",
      `${API}/deliveries/${id}/courier`,
      { courierId: "C-LEE" },
      annToken,
    );
    expect(reassign.body.error.code).toBe("DELIVERY_UNDER_WAY");
    // The same status again is a retry: unchanged, nobody notified again.
    expect((await status(store, id, "on_the_way", kimToken)).body.status).toBe("on_the_way");
    expect(snapshot(store)).toEqual(before);

    const done = await status(store, id, "delivered", kimToken);
    expect(done.body.history.map((h) => h.status)).toEqual([
      "accepted",
      "preparing",
      "on_the_way",
      "delivered",
    ]);
    expect(done.body.history.at(-1)?.userId).toBe(kim);
    const final = snapshot(store);
    expect((await status(store, id, "failed", annToken)).body.error.code).toBe("STATUS_BACKWARDS");
    expect(snapshot(store)).toEqual(final);

    expect(notifications(store).map((n) => n.status)).toEqual([
      "accepted",
      "preparing",
      "on_the_way",
      "delivered",
    ]);
    expect(new Set(notifications(store).map((n) => n.deliveryId))).toEqual(new Set([id]));
    const events = store.ctx.sqlite
      .query<{ payload: string }, []>(
        "SELECT payload FROM events WHERE type = 'delivery.changed' ORDER BY seq",
      )
      .all()
      .map((r) => JSON.parse(r.payload) as { action: string; status: string });
    expect(events.map((e) => `${e.action}:${e.status}`)).toEqual([
      "created:accepted",
      "courier_assigned:accepted",
      "status:preparing",
      "status:on_the_way",
      "status:delivered",
    ]);
    expect(JSON.stringify(events)).not.toContain("Lilas");
  }, 30_000);

  test("an order paid at the door leaves its cash with the courier until he hands it in to a drawer", async () => {
    const { annToken, kim, kimToken } = await setUp();
    const orderId = uuidv7();
    const order = await store.request<{ balanceDueMinor: number }>("POST", `${API}/orders`, {
      id: orderId,
      pickupStore: "S1",
      delivery: { address: "3 Elm St", phone: "+1 555 0100" },
      lines: [{ code: "BREAD", qty: 4 }],
    });
    expect(order.status).toBe(201);
    expect(order.body.balanceDueMinor).toBe(1100);
    const id = uuidv7();
    const created = await store.request<Delivery>(
      "POST",
      `${API}/deliveries`,
      { id, orderId, address: "3 Elm St", phone: "+1 555 0100", feeMinor: 250, courierId: kim },
      annToken,
    );
    expect(created.status).toBe(201);
    expect(created.body.collectMinor).toBe(1350);
    await status(store, id, "on_the_way", kimToken);
    expect((await status(store, id, "delivered", kimToken)).body.collectedMinor).toBe(1350);
    const held = await store.request<{ couriers: unknown[] }>(
      "GET",
      `${API}/reports/cash-book?from=2026-03-02&to=2026-03-02`,
    );
    expect(held.body.couriers).toEqual([{ courierId: kim, heldMinor: 1350, deliveries: 1 }]);

    const handIn = { id: uuidv7(), courierId: kim, deliveryIds: [id], amountMinor: 1350 };
    const noShift = await store.request<ErrorBody>("POST", `${API}/cash/hand-ins`, handIn, annToken);
    expect(noShift.body.error.code).toBe("NO_OPEN_SHIFT");
    const shift = await store.request<{ id: string }>("POST", `${API}/shifts`, {
      tillId: "T1",
      floatMinor: 1000,
    });
    const wrongCourier = await store.request<ErrorBody>(
      "POST",
      `${API}/cash/hand-ins`,
      { ...handIn, courierId: "C-LEE" },
      annToken,
    );
    expect(wrongCourier.body.error.code).toBe("NOT_HANDED_IN");
    // The cash counted is not what the courier collected: nothing is handed in.
    const counted = snapshot(store);
    for (const amountMinor of [1300, 1400]) {
      const wrong = await store.request<ErrorBody>(
        "POST",
        `${API}/cash/hand-ins`,
        { ...handIn, amountMinor },
        annToken,
      );
      expect({ status: wrong.status, code: wrong.body.error.code }).toEqual({
        status: 409,
        code: "HAND_IN_AMOUNT_MISMATCH",
      });
      expect(wrong.body.error.message).toContain("1350");
    }
    expect(snapshot(store)).toEqual(counted);
    const entry = await store.request<{
      kind: string;
      amountMinor: number;
      deliveryIds: string[];
      courierId: string;
      collected: { orderId: string; saleId: string; receiptNo: string }[];
    }>("POST", `${API}/cash/hand-ins`, handIn, annToken);
    expect(entry.status).toBe(201);
    expect(entry.body).toMatchObject({
      kind: "hand_in",
      amountMinor: 1350,
      deliveryIds: [id],
      courierId: kim,
    });
    // The order paid at the door is now its sale, paid by the cash the courier collected.
    const [collected] = entry.body.collected;
    expect(collected?.orderId).toBe(orderId);
    const collectedOrder = await store.request<{ status: string; saleId: string }>(
      "GET",
      `${API}/orders/${orderId}`,
    );
    expect(collectedOrder.body).toMatchObject({ status: "collected", saleId: collected?.saleId });
    const sale = await store.request<{
      receiptNo: string;
      totalMinor: number;
      lines: { code: string; totalMinor: number }[];
      tenders: { type: string; amountMinor: number }[];
    }>("GET", `${API}/sales/${collected?.saleId}`);
    expect(sale.body.receiptNo).toBe(collected?.receiptNo ?? "");
    // The fee is on the sale, as the store's delivery fee product, at the fee charged.
    expect(sale.body.totalMinor).toBe(1350);
    expect(sale.body.lines.map((l) => [l.code, l.totalMinor])).toEqual([
      ["BREAD", 1100],
      ["DELIVERY", 250],
    ]);
    expect(sale.body.tenders).toMatchObject([{ type: "cash_on_delivery", amountMinor: 1350 }]);
    // The drawer takes the courier's cash once: through the hand-in, not again as the sale's.
    const x = await store.request<{ cash: { expectedMinor: number } }>(
      "GET",
      `${API}/shifts/${shift.body.id}/x-report`,
    );
    expect(x.body.cash.expectedMinor).toBe(1000 + 1350);
    // The same hand-in again (a retry) answers it again and records nothing more.
    const before1 = snapshot(store);
    const retry = await store.request<{ id: string }>("POST", `${API}/cash/hand-ins`, handIn, annToken);
    expect(retry.body.id).toBe(handIn.id);
    expect(snapshot(store)).toEqual(before1);
    const before = snapshot(store);
    const twice = await store.request<ErrorBody>(
      "POST",
      `${API}/cash/hand-ins`,
      { ...handIn, id: uuidv7() },
      annToken,
    );
    expect(twice.body.error.code).toBe("NOT_HANDED_IN");
    expect(snapshot(store)).toEqual(before);
    const report = await store.request<{
      couriers: unknown[];
      entries: { kind: string; deliveryIds: string[] }[];
      byTill: { tillId: string; handInsMinor: number; tenders: { type: string; amountMinor: number }[] }[];
    }>("GET", `${API}/reports/cash-book?from=2026-03-02&to=2026-03-02`);
    expect(report.body.couriers).toEqual([]);
    expect(report.body.entries).toMatchObject([{ kind: "hand_in", deliveryIds: [id] }]);
    expect(report.body.byTill.find((t) => t.tillId === "T1")).toMatchObject({
      handInsMinor: 1350,
      tenders: [{ type: "cash_on_delivery", amountMinor: 1350 }],
    });
  }, 30_000);

  test("a fee on an order delivered needs the store's delivery fee product to ring it on; without it nothing is created", async () => {
    for (const [settings, code] of [
      [{}, "DELIVERY_FEE_NEEDS_PRODUCT"],
      [{ deliveryFeeProduct: "NO-SUCH" }, "DELIVERY_FEE_PRODUCT_UNKNOWN"],
    ] as const) {
      const { annToken } = await setUp(settings);
      const orderId = uuidv7();
      const order = await store.request("POST", `${API}/orders`, {
        id: orderId,
        pickupStore: "S1",
        delivery: { address: "3 Elm St", phone: "+1 555 0100" },
        lines: [{ code: "BREAD", qty: 1 }],
      });
      expect(order.status).toBe(201);
      const before = snapshot(store);
      const body = { id: uuidv7(), orderId, address: "3 Elm St", phone: "+1 555 0100", feeMinor: 250 };
      const refused = await store.request<ErrorBody>("POST", `${API}/deliveries`, body, annToken);
      expect({ status: refused.status, code: refused.body.error.code }).toEqual({ status: 409, code });
      expect(refused.body.error.message).toContain("deliveryFeeProduct");
      expect(snapshot(store)).toEqual(before);
      // Without a fee the order is delivered as before.
      const free = await store.request<Delivery>(
        "POST",
        `${API}/deliveries`,
        { ...body, feeMinor: 0 },
        annToken,
      );
      expect(free.status).toBe(201);
      expect(free.body.collectMinor).toBe(275);
      store.close();
    }
  }, 30_000);

  test("bad delivery bodies answer precise 4xx errors and change nothing", async () => {
    const { annToken, kimToken } = await setUp();
    const sale = await saleId(store);
    const ok = { id: uuidv7(), saleId: sale, address: "1 Main St", phone: "+1 555 0100" };
    const before = snapshot(store);
    const cases: [unknown, number][] = [
      [{ ...ok, saleId: undefined }, 400],
      [{ ...ok, orderId: uuidv7() }, 400],
      [{ ...ok, phone: "call me" }, 400],
      [{ ...ok, address: "" }, 400],
      [{ ...ok, feeMinor: -1 }, 400],
      [{ ...ok, feeMinor: 1.5 }, 400],
      [{ ...ok, promisedAt: "tomorrow" }, 400],
      [{ ...ok, extra: true }, 400],
      [{ ...ok, saleId: uuidv7() }, 404],
      [{ ...ok, saleId: undefined, orderId: uuidv7() }, 404],
      [{ ...ok, courierId: "NOBODY" }, 404],
    ];
    for (const [body, code] of cases) {
      const res = await store.request<ErrorBody>("POST", `${API}/deliveries`, body, annToken);
      expect({ body, status: res.status }).toEqual({ body, status: code });
    }
    const byCourier = await store.request<ErrorBody>("POST", `${API}/deliveries`, ok, kimToken);
    expect(byCourier.status).toBe(403);
    const unknown = await status(store, uuidv7(), "preparing", annToken);
    expect(unknown.status).toBe(404);
    const badStatus = await store.request<ErrorBody>(
      "POST",
      `${API}/deliveries/${uuidv7()}/status`,
      { status: "lost" },
      annToken,
    );
    expect(badStatus.status).toBe(400);
    expect(snapshot(store)).toEqual(before);
  }, 30_000);
});
