/**
 * `GET /reports/expiry?days=N`: lots on hand whose expiry is within N days (or past), by
 * product, location and lot, from the lot columns of the stock movements.
 */
import { afterEach, beforeEach, expect, test } from "bun:test";
import { uuidv7 } from "../../src/core/ids.ts";
import { createTestStore, type JsonObject, type TestStore } from "../support/store-app.ts";
import { API, seedCatalog, session } from "./sales-fixtures.ts";

let store: TestStore;
let manager: { token: string };
beforeEach(async () => {
  store = createTestStore();
  await seedCatalog(store);
  manager = await session(store, "manager", "3333", "BO");
});
afterEach(() => store.close());

async function doc(body: JsonObject): Promise<void> {
  const res = await store.request(
    "POST",
    `${API}/stock/documents`,
    { id: uuidv7(), post: true, ...body },
    manager.token,
  );
  expect(res.status).toBe(201);
}

test("lots expiring within N days, on hand, by product, location and lot; soonest first", async () => {
  await doc({
    type: "receipt",
    location: "backroom",
    lines: [
      { code: "MILK", qty: 5, unitCostMinor: 100, lot: "L1", expiry: "2026-03-10" },
      { code: "BREAD", qty: 3, unitCostMinor: 100, lot: "B1", expiry: "2026-06-30" },
      { code: "BREAD", qty: 2, unitCostMinor: 100, lot: "B0", expiry: "2026-03-01" },
    ],
  });
  await doc({
    type: "receipt",
    lines: [{ code: "MILK", qty: 4, unitCostMinor: 100, lot: "L2", expiry: "2026-03-05" }],
  });
  await doc({ type: "writeoff", reason: "damaged", lines: [{ code: "MILK", qty: 4, lot: "L2" }] });
  await doc({
    type: "issue",
    location: "backroom",
    lines: [{ code: "MILK", qty: 2, lot: "L1" }],
  });

  const res = await store.request<JsonObject>(
    "GET",
    `${API}/reports/expiry?days=30`,
    undefined,
    manager.token,
  );
  expect(res.status).toBe(200);
  expect(res.body).toEqual({
    days: 30,
    today: "2026-03-02",
    until: "2026-04-01",
    lots: [
      {
        code: "BREAD",
        name: "Bread",
        location: "backroom",
        lot: "B0",
        expiry: "2026-03-01",
        onHand: 2,
        onHandMilli: 2000,
        daysLeft: -1,
      },
      {
        code: "MILK",
        name: "Milk 1l",
        location: "backroom",
        lot: "L1",
        expiry: "2026-03-10",
        onHand: 3,
        onHandMilli: 3000,
        daysLeft: 8,
      },
    ],
  });
  const bad = await store.request<{ error: { code: string } }>(
    "GET",
    `${API}/reports/expiry?days=-1`,
    undefined,
    manager.token,
  );
  expect(bad.status).toBe(400);
});
