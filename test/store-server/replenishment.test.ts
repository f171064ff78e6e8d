/**
 * Forecast, suggested order and stock optimisation on the store, over sales recorded day by day
 * (the store's clock moved through the weeks) and sales imported with their own dates.
 */
import { afterEach, describe, expect, test } from "bun:test";
import { uuidv7 } from "../../src/core/ids.ts";
import { createTestStore, type JsonObject, type TestStore } from "../support/store-app.ts";
import { API, recordPaidSale, seedCatalog, session } from "./sales-fixtures.ts";

let store: TestStore;
afterEach(() => store.close());

const START = "2026-02-01"; // a Sunday
const DAY_MS = 86_400_000;
const dayAt = (n: number, hour = 15) =>
  new Date(Date.parse(`${START}T00:00:00Z`) + n * DAY_MS + hour * 3_600_000);

interface Forecast {
  code: string;
  days: { date: string; qty: number }[];
}
interface Suggested {
  lines: { code: string; onHand: number; forecastQty: number; reorderPoint: number; orderQty: number }[];
}

async function open(settings: JsonObject = {}): Promise<string> {
  store = createTestStore({ startAt: dayAt(0, 8), settings });
  await seedCatalog(store);
  return (await session(store, "manager", "3333", "BO")).token;
}

async function adjust(token: string, body: JsonObject) {
  const res = await store.request("POST", `${API}/stock/adjustments`, { reason: "test", ...body }, token);
  expect(res.status).toBe(201);
}

// Reads use the admin token: a manager's session ends a day after the log-in, and the clock moves weeks.

/** Sells `qty(day)` of a product each day from day 0 to day `days - 1`, the store's clock at 15:00 that day. */
async function sellDaily(days: number, lines: (day: number) => { code: string; qty: number }[]) {
  for (let d = 0; d < days; d++) {
    store.clock.set(dayAt(d));
    const today = lines(d).filter((l) => l.qty > 0);
    if (today.length > 0) await recordPaidSale(store, today);
  }
}

describe("GET /forecast", () => {
  test("recovers a product's weekday pattern from four weeks of sales", async () => {
    await open();
    // Bread: 20 on Saturdays, 10 on other days.
    await sellDaily(28, (d) => [{ code: "BREAD", qty: d % 7 === 6 ? 20 : 10 }]);
    store.clock.set(dayAt(28, 9));
    const res = await store.request<Forecast>("GET", `${API}/forecast?code=BREAD&days=7`);
    expect(res.status).toBe(200);
    // March 2026, Sunday the 1st to Saturday the 7th.
    expect(res.body.days.map((d) => d.date)).toEqual(
      Array.from({ length: 7 }, (_, i) => `2026-03-0${i + 1}`),
    );
    res.body.days.forEach((d, i) => {
      const expected = i === 6 ? 20 : 10;
      expect(Math.abs(d.qty - expected)).toBeLessThan(expected * 0.05);
    });
  });

  test("sales keep the till's time: imported sales count on their own days, not on the day they arrive", async () => {
    await open();
    store.clock.set(dayAt(35, 9));
    // Milk sold only on Wednesdays, the sales sent afterwards with their real dates.
    for (let d = 3; d < 35; d += 7) {
      const quote = await store.request<{ totalMinor: number }>("POST", `${API}/baskets/quote`, {
        lines: [{ code: "MILK", qty: 6 }],
      });
      const sale = await store.request("POST", `${API}/sales`, {
        id: uuidv7(),
        tillId: "T1",
        at: dayAt(d, 11).toISOString(),
        lines: [{ code: "MILK", qty: 6 }],
        tenders: [{ type: "card", amountMinor: quote.body.totalMinor }],
      });
      expect(sale.status).toBe(201);
    }
    const res = await store.request<Forecast>("GET", `${API}/forecast?code=MILK&days=7&from=2026-03-08`);
    expect(res.status).toBe(200);
    const wednesday = res.body.days.find((d) => d.date === "2026-03-11");
    const others = res.body.days.filter((d) => d.date !== "2026-03-11");
    expect(wednesday?.qty).toBeGreaterThan(4);
    for (const d of others) expect(d.qty).toBeLessThan(1.5);
  });

  test("bad input: an unknown product, bad days or date are refused and change nothing", async () => {
    await open();
    const before = store.journalLength();
    const unknown = await store.request<{ error: { code: string } }>(
      "GET",
      `${API}/forecast?code=NOPE&days=7`,
    );
    expect([unknown.status, unknown.body.error.code]).toEqual([404, "FORECAST_PRODUCT_UNKNOWN"]);
    for (const query of ["days=0", "days=abc", "days=1.5", "days=367", "from=2026-13-01", "from=yesterday"]) {
      const res = await store.request("GET", `${API}/forecast?code=BREAD&${query}`);
      expect([query, res.status]).toEqual([query, 400]);
    }
    const vendor = await store.request<{ error: { code: string } }>(
      "GET",
      `${API}/replenishment/suggested?vendorId=V1`,
    );
    expect([vendor.status, vendor.body.error.code]).toEqual([404, "VENDOR_NOT_FOUND"]);
    expect(store.journalLength()).toBe(before);
  });

  test("a cashier may not read forecasts", async () => {
    await open();
    const { token } = await session(store, "cashier", "1111", "T2");
    const res = await store.request("GET", `${API}/forecast?code=BREAD`, undefined, token);
    expect(res.status).toBe(403);
  });
});

describe("GET /replenishment/suggested", () => {
  test("orders up to the order-up-to level in whole cases; days out of stock are not read as no demand", async () => {
    const token = await open({ replenishment: { leadTimeDays: 4, reviewDays: 3, caseSize: 12 } });
    await adjust(token, { code: "BREAD", qty: 1000, kind: "receive", unitCostMinor: 100 });
    await adjust(token, { code: "MILK", qty: 150, kind: "receive", unitCostMinor: 200 });
    // 10 bread and 10 milk a day for 3 weeks; milk runs out on day 15 and sells nothing after.
    await sellDaily(21, (d) => [
      { code: "BREAD", qty: 10 },
      { code: "MILK", qty: d < 15 ? 10 : 0 },
    ]);
    store.clock.set(dayAt(21, 9));
    const res = await store.request<Suggested>("GET", `${API}/replenishment/suggested`);
    expect(res.status).toBe(200);
    // Bread: 790 on hand, far above its reorder point of 40: nothing to order.
    expect(res.body.lines.map((l) => l.code)).toEqual(["MILK"]);
    // Milk: a steady 10 a day (σ 0): reorder point 40, order-up-to 70; 0 on hand → 6 cases of 12.
    expect(res.body.lines[0]).toMatchObject({
      code: "MILK",
      onHand: 0,
      forecastQty: 70,
      reorderPoint: 40,
      orderQty: 72,
    });
  });
  test("for a vendor: its items only, on its case size, less what is already on order", async () => {
    const token = await open({ replenishment: { leadTimeDays: 4, reviewDays: 3 } });
    await adjust(token, { code: "BREAD", qty: 1000, kind: "receive", unitCostMinor: 100 });
    await adjust(token, { code: "MILK", qty: 150, kind: "receive", unitCostMinor: 200 });
    await sellDaily(21, (d) => [
      { code: "BREAD", qty: 10 },
      { code: "MILK", qty: d < 15 ? 10 : 0 },
    ]);
    store.clock.set(dayAt(21, 9));
    const post = (path: string, body: JsonObject) => store.request("POST", `${API}${path}`, body);
    expect((await post("/vendors", { id: "DAIRY", name: "Dairy co-op" })).status).toBe(201);
    expect(
      (await post("/vendors/DAIRY/items", { code: "MILK", caseSize: 6, costMinor: 180, leadTimeDays: 4 }))
        .status,
    ).toBe(201);
    const order = await post("/purchase-orders", {
      id: uuidv7(),
      vendorId: "DAIRY",
      lines: [{ code: "MILK", qty: 12, costMinor: 180 }],
    });
    expect(order.status).toBe(201);
    const orderId = (order.body as { id: string }).id;
    expect((await post(`/purchase-orders/${orderId}/status`, { status: "sent" })).status).toBe(200);
    const res = await store.request<Suggested>("GET", `${API}/replenishment/suggested?vendorId=DAIRY`);
    expect(res.status).toBe(200);
    // Order-up-to 70, nothing on hand, 12 on order: 58 wanted, 10 cases of 6.
    expect(res.body.lines).toHaveLength(1);
    expect(res.body.lines[0]).toMatchObject({ code: "MILK", onHand: 0, reorderPoint: 40, orderQty: 60 });
  });
});

describe("GET /reports/stock-optimisation", () => {
  test("overstock, dead stock and stock-out risk, valued by the costed ledger", async () => {
    const token = await open({
      replenishment: { leadTimeDays: 4, reviewDays: 3, overstockDays: 30, deadStockDays: 14 },
    });
    await adjust(token, { code: "BREAD", qty: 700, kind: "receive", unitCostMinor: 100 });
    await adjust(token, { code: "MILK", qty: 250, kind: "receive", unitCostMinor: 200 });
    await adjust(token, { code: "A1", qty: 30, kind: "receive", unitCostMinor: 50 });
    await sellDaily(21, () => [
      { code: "BREAD", qty: 10 },
      { code: "MILK", qty: 10 },
    ]);
    store.clock.set(dayAt(21, 9));
    const res = await store.request<{
      totals: JsonObject;
      lines: {
        code: string;
        status: string;
        valueMinor: number;
        excessValueMinor: number;
        daysOfCover: number | null;
      }[];
    }>("GET", `${API}/reports/stock-optimisation`);
    expect(res.status).toBe(200);
    const byCode = Object.fromEntries(res.body.lines.map((l) => [l.code, l]));
    // Bread: 490 left at 1.00, 49 days of cover: the 190 beyond 30 days are overstock (190.00).
    expect(byCode.BREAD).toMatchObject({
      status: "overstock",
      valueMinor: 49_000,
      daysOfCover: 49,
      excessValueMinor: 19_000,
    });
    // Milk: 40 left, at its reorder point of 40.
    expect(byCode.MILK).toMatchObject({ status: "stockout_risk", valueMinor: 8_000 });
    // Apple juice: 30 at 0.50, never sold.
    expect(byCode.A1).toMatchObject({ status: "dead", valueMinor: 1_500, excessValueMinor: 1_500 });
    expect(res.body.totals).toEqual({
      capitalMinor: 58_500,
      overstockValueMinor: 19_000,
      deadStockValueMinor: 1_500,
      stockOutRiskCount: 1,
    });
  });
});
