/**
 * Training mode covers returns and collected orders too: a till or cashier in training records
 * neither, so no report, stock level or head-office total counts one; the same from a till not
 * in training is recorded.
 */
import { afterEach, beforeEach, expect, test } from "bun:test";
import { uuidv7 } from "../../src/core/ids.ts";
import { createTestStore, type TestStore } from "../support/store-app.ts";
import { API, recordPaidSale, seedCatalog, session, snapshot } from "./sales-fixtures.ts";

let store: TestStore;
beforeEach(async () => {
  store = createTestStore({ settings: { training: { tills: ["T9"], cashiers: [] } } });
  await seedCatalog(store);
});
afterEach(() => store.close());

test("a return from a till in training is refused before anything is written; from another till it is recorded", async () => {
  const sale = await recordPaidSale(store, [{ code: "BREAD" }], {}, "cash");
  const body = () => ({
    id: uuidv7(),
    originalSaleId: sale.id,
    lines: [{ code: "BREAD", qty: 1 }],
    tenders: [{ type: "cash", amountMinor: 275 }],
  });
  const trainee = await session(store, "supervisor", "4321", "T9");
  const before = snapshot(store);
  const refused = await store.request<{ error: { code: string } }>(
    "POST",
    `${API}/returns`,
    body(),
    trainee.token,
  );
  expect(refused.status).toBe(409);
  expect(refused.body.error.code).toBe("TRAINING_SALE");
  expect(snapshot(store)).toEqual(before);

  const cashier = await session(store, "supervisor", "1234", "T1");
  const recorded = await store.request("POST", `${API}/returns`, body(), cashier.token);
  expect(recorded.status).toBe(201);
});

test("an order collected at a till in training is refused and stays to collect; at another till it is collected", async () => {
  const manager = await session(store, "manager", "3333", "BO");
  const received = await store.request(
    "POST",
    `${API}/stock/documents`,
    { id: uuidv7(), type: "receipt", post: true, lines: [{ code: "BREAD", qty: 5, unitCostMinor: 100 }] },
    manager.token,
  );
  expect(received.status).toBe(201);
  const id = uuidv7();
  const placed = await store.request("POST", `${API}/orders`, {
    id,
    pickupStore: "S1",
    slot: { date: "2026-03-03", from: "10:00", to: "11:00" },
    lines: [{ code: "BREAD", qty: 1 }],
    prepaid: [{ type: "card", amountMinor: 1000, ref: "pay-1" }],
  });
  expect(placed.status).toBe(201);
  const before = snapshot(store);
  const refused = await store.request<{ error: { code: string } }>("POST", `${API}/orders/${id}/collect`, {
    tenders: [],
    tillId: "T9",
  });
  expect([refused.status, refused.body.error.code]).toEqual([409, "TRAINING_SALE"]);
  expect(snapshot(store)).toEqual(before);
  const collected = await store.request<{ status: string }>("POST", `${API}/orders/${id}/collect`, {
    tenders: [],
    tillId: "T1",
  });
  expect([collected.status, collected.body.status]).toEqual([200, "collected"]);
});
