/**
 * Training mode covers returns too: a till or cashier in training records no return, so no
 * report, stock level or head-office total counts one; the same return from a till not in
 * training is recorded.
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
