/**
 * Route tests of stock: on hand per product moved by sales, returns and manual adjustments,
 * the movement ledger, and the invariant on hand = sum of movements.
 */
import { afterEach, beforeEach, describe, expect, test } from "bun:test";
import { uuidv7 } from "../../src/core/ids.ts";
import { createTestStore, type JsonObject, type TestStore } from "../support/store-app.ts";
import {
  API,
  journalTypes,
  recordPaidSale,
  seedCatalog,
  session,
  snapshot,
  stockMismatches,
} from "./sales-fixtures.ts";

interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}
interface Movement {
  id: number;
  kind: string;
  qtyMilli: number;
  qty: number;
  refId: string | null;
  reason: string | null;
}
interface Level extends JsonObject {
  code: string;
  onHand: number;
  onHandMilli: number;
  negative: boolean;
  movements?: Movement[];
}

let store: TestStore;
let manager: string;
beforeEach(async () => {
  store = createTestStore();
  await seedCatalog(store);
  manager = (await session(store, "manager", "3333", "BO")).token;
});
afterEach(() => store.close());

function adjust(body: JsonObject, token: string | null = manager) {
  return store.request<Level & ErrorBody & { movementId: number; deltaMilli: number }>(
    "POST",
    `${API}/stock/adjustments`,
    body,
    token,
  );
}

async function expectRefused(body: JsonObject, status: number, code: string, token: string | null = manager) {
  const before = snapshot(store);
  const res = await adjust(body, token);
  expect(res.status).toBe(status);
  expect(res.body.error.code).toBe(code);
  expect(snapshot(store)).toEqual(before);
}

describe("stock", () => {
  test("sales take stock out, returns put it back, below zero is flagged", async () => {
    const received = await adjust({ code: "MILK", qty: 5, reason: "delivery 4411", kind: "receive" });
    expect(received.status).toBe(201);
    expect(received.body).toMatchObject({
      code: "MILK",
      onHand: 5,
      onHandMilli: 5000,
      negative: false,
      deltaMilli: 5000,
    });
    const sale = await recordPaidSale(store, [{ code: "MILK", qty: 7 }]);
    let level = await store.request<Level>("GET", `${API}/stock?code=MILK`);
    expect(level.body).toMatchObject({ code: "MILK", onHand: -2, onHandMilli: -2000, negative: true });
    const ret = await store.request("POST", `${API}/returns`, {
      id: uuidv7(),
      originalSaleId: sale.id,
      lines: [{ code: "MILK", qty: 3 }],
      tenders: [{ type: "card", amountMinor: 1140 }],
    });
    expect(ret.status).toBe(201);
    level = await store.request<Level>("GET", `${API}/stock?code=MILK`);
    expect(level.body).toMatchObject({ onHandMilli: 1000, negative: false });
    expect(level.body.movements?.map((m) => [m.kind, m.qtyMilli])).toEqual([
      ["return", 3000],
      ["sale", -7000],
      ["adjustment", 5000],
    ]);
    expect(stockMismatches(store)).toEqual([]);
  });

  test("a barcode finds the product's stock; products never moved have none", async () => {
    await recordPaidSale(store, [{ code: "A1", qty: 2 }]);
    const byBarcode = await store.request<Level>("GET", `${API}/stock?code=036000291452`);
    expect(byBarcode.status).toBe(200);
    expect(byBarcode.body).toMatchObject({ code: "A1", onHandMilli: -2000, negative: true });
    const untouched = await store.request<Level>("GET", `${API}/stock?code=BREAD&movements=0`);
    expect(untouched.body).toEqual({
      code: "BREAD",
      name: "Bread",
      onHand: 0,
      onHandMilli: 0,
      negative: false,
      reserved: 0,
      available: 0,
      avgCostMinor: null,
      valueMinor: null,
      byLocation: [],
    });
    const unknown = await store.request<ErrorBody>("GET", `${API}/stock?code=NOPE`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe("UNKNOWN_CODE");
    const negatives = await store.request<{ levels: Level[] }>("GET", `${API}/stock?negative=true`);
    expect(negatives.body.levels.map((l) => l.code)).toEqual(["A1"]);
  });

  test("adjustments are signed, need a reason and a manager, and are journalled", async () => {
    const cashier = await session(store, "cashier", "1111");
    await expectRefused({ code: "MILK", qty: 5, reason: "found" }, 403, "PERMISSION_DENIED", cashier.token);
    await expectRefused({ code: "MILK", qty: 5 }, 400, "INVALID_REQUEST");
    await expectRefused({ code: "MILK", qty: 5, reason: "   " }, 400, "INVALID_REQUEST");
    await expectRefused({ code: "MILK", qty: 0, reason: "none" }, 400, "INVALID_REQUEST");
    await expectRefused({ code: "MILK", qty: "-0", reason: "none" }, 400, "INVALID_QUANTITY");
    await expectRefused({ code: "MILK", qty: "1.2345", reason: "x" }, 400, "INVALID_REQUEST");
    await expectRefused({ code: "MILK", qty: 1e9, reason: "x" }, 400, "INVALID_REQUEST");
    await expectRefused({ code: "MILK", qty: 1.5, reason: "half a carton?" }, 400, "FRACTIONAL_QUANTITY");
    await expectRefused({ code: "NOPE", qty: 1, reason: "x" }, 404, "UNKNOWN_CODE");
    await expectRefused({ code: "MILK", qty: 1, reason: "x", kind: "theft" }, 400, "INVALID_REQUEST");
    await expectRefused({ code: "MILK", qty: 1, reason: "x" }, 401, "UNAUTHORIZED", null);

    const damaged = await adjust({ code: "BAN", qty: "-1.25", reason: "bruised", kind: "damage" });
    expect(damaged.status).toBe(201);
    expect(damaged.body).toMatchObject({
      code: "BAN",
      deltaMilli: -1250,
      onHandMilli: -1250,
      negative: true,
    });
    expect(journalTypes(store).at(-1)).toBe("stock.adjusted");
    const event = store.ctx.sqlite
      .query<{ payload: string }, []>("SELECT payload FROM events ORDER BY seq DESC LIMIT 1")
      .get();
    expect(JSON.parse(event?.payload ?? "{}")).toMatchObject({
      code: "BAN",
      deltaMilli: -1250,
      onHandMilli: -1250,
      kind: "damage",
      reason: "bruised",
    });
    const audit = await store.request<{ entries: { action: string }[] }>(
      "GET",
      `${API}/audit?action=stock.adjusted`,
    );
    expect(audit.body.entries).toHaveLength(1);
  });

  test("an adjustment with an id is recorded once", async () => {
    const body = { id: uuidv7(), code: "BREAD", qty: "12", reason: "delivery" };
    const first = await adjust(body);
    expect(first.status).toBe(201);
    const before = snapshot(store);
    const again = await adjust(body);
    expect(again.status).toBe(200);
    expect(again.body.movementId).toBe(first.body.movementId);
    expect(again.body.onHandMilli).toBe(12_000);
    expect(snapshot(store)).toEqual(before);
    await expectRefused({ ...body, qty: 13 }, 409, "ADJUSTMENT_ID_REUSED");
  });

  test("movements page newest first", async () => {
    for (let i = 1; i <= 5; i++) await adjust({ code: "BREAD", qty: i, reason: `count ${i}` });
    const page = await store.request<{ code: string; movements: Movement[] }>(
      "GET",
      `${API}/stock/movements?code=BREAD&limit=2`,
    );
    expect(page.body.movements.map((m) => m.qtyMilli)).toEqual([5000, 4000]);
    const next = await store.request<{ movements: Movement[] }>(
      "GET",
      `${API}/stock/movements?code=BREAD&limit=2&before=${page.body.movements[1]?.id}`,
    );
    expect(next.body.movements.map((m) => m.reason)).toEqual(["count 3", "count 2"]);
    const bad = await store.request<ErrorBody>("GET", `${API}/stock/movements?code=BREAD&limit=0`);
    expect(bad.status).toBe(400);
    expect(stockMismatches(store)).toEqual([]);
  });
});
