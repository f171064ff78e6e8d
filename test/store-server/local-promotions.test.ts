/**
 * A store's own promotions and messages: defined at the store (`POST /promotions`,
 * `POST /messages`), priced and fired with head office's, listed, ended, and never replaced by
 * head office's replication under the same id; head office's cannot be changed at the store.
 */
import { afterEach, beforeEach, expect, test } from "bun:test";
import type { Message } from "../../src/core/messages/index.ts";
import type { Promotion } from "../../src/core/promotions/index.ts";
import { applyHqMessage } from "../../src/store-server/promotions/messages.ts";
import { applyHqPromotion } from "../../src/store-server/promotions/service.ts";
import { createTestStore, type TestStore } from "../support/store-app.ts";
import { API, seedCatalog } from "./sales-fixtures.ts";

let store: TestStore;
beforeEach(async () => {
  store = createTestStore();
  await seedCatalog(store);
});
afterEach(() => store.close());

const local = {
  id: "bread-local",
  name: "Bread 0.20 off here",
  reward: { kind: "amount", amountMinor: 20, products: ["BREAD"] },
};

function hqPromotion(promotion: Promotion): boolean {
  return store.ctx.db.transaction((tx) =>
    applyHqPromotion(store.ctx, tx, { promotion, active: true }, store.ctx.now()),
  );
}
function hqMessage(message: Message): boolean {
  return store.ctx.db.transaction((tx) =>
    applyHqMessage(store.ctx, tx, { message, active: true }, store.ctx.now()),
  );
}

async function quoteDiscount(): Promise<number> {
  const res = await store.request<{ discountMinor: number }>("POST", `${API}/baskets/quote`, {
    lines: [{ code: "BREAD" }],
  });
  return res.body.discountMinor;
}

test("the store's own promotion prices the store's sales and head office's replication leaves it alone", async () => {
  expect((await store.request("POST", `${API}/promotions`, local)).status).toBe(200);
  expect(await quoteDiscount()).toBe(20);
  // Head office sends a promotion with the same id: skipped, the store's stays.
  expect(
    hqPromotion({
      id: "bread-local",
      name: "HQ's",
      reward: { kind: "amount", amountMinor: 99, on: "order" },
    }),
  ).toBe(false);
  expect(await quoteDiscount()).toBe(20);
  const listed = await store.request<{ promotions: { id: string; source: string; name: string }[] }>(
    "GET",
    `${API}/promotions`,
  );
  expect(listed.body.promotions.map((p) => [p.id, p.source, p.name])).toEqual([
    ["bread-local", "store", "Bread 0.20 off here"],
  ]);
  // Ended: later sales no longer get it.
  expect((await store.request("POST", `${API}/promotions/bread-local/deactivate`)).status).toBe(200);
  expect(await quoteDiscount()).toBe(0);
});

test("the store's own message is kept beside head office's, never replaced by them, and ends", async () => {
  expect(hqMessage({ id: "hq-bag", when: { event: "lines", over: 10 }, cashier: "Offer a bag" })).toBe(true);
  const defined = await store.request<{ id: string; source: string; active: boolean }>(
    "POST",
    `${API}/messages`,
    { id: "fragile", when: { event: "scan", code: "BREAD" }, cashier: "Pack {item} on top" },
  );
  expect(defined.status).toBe(200);
  expect(defined.body).toMatchObject({ id: "fragile", source: "store", active: true });
  expect(hqMessage({ id: "fragile", when: { event: "lines", over: 3 }, cashier: "HQ's words" })).toBe(false);
  const listed = await store.request<{ messages: { id: string; source: string; cashier?: string }[] }>(
    "GET",
    `${API}/messages`,
  );
  expect(listed.body.messages.map((m) => [m.id, m.source, m.cashier])).toEqual([
    ["fragile", "store", "Pack {item} on top"],
    ["hq-bag", "hq", "Offer a bag"],
  ]);
  const ended = await store.request<{ active: boolean }>("POST", `${API}/messages/fragile/deactivate`);
  expect(ended.status).toBe(200);
  expect(ended.body.active).toBe(false);
  const after = await store.request<{ messages: { id: string }[] }>("GET", `${API}/messages`);
  expect(after.body.messages.map((m) => m.id)).toEqual(["hq-bag"]);
});

test("head office's message cannot be changed or ended at the store; bad input changes nothing", async () => {
  hqMessage({ id: "hq-bag", when: { event: "lines", over: 10 }, cashier: "Offer a bag" });
  const changed = await store.request<{ error?: { code: string } }>("POST", `${API}/messages`, {
    id: "hq-bag",
    when: { event: "lines", over: 2 },
    cashier: "Mine now",
  });
  expect(changed.status).toBe(409);
  expect(changed.body.error?.code).toBe("MESSAGE_FROM_HQ");
  const ended = await store.request<{ error?: { code: string } }>(
    "POST",
    `${API}/messages/hq-bag/deactivate`,
  );
  expect(ended.body.error?.code).toBe("MESSAGE_FROM_HQ");
  const unknown = await store.request<{ error?: { code: string } }>(
    "POST",
    `${API}/messages/nope/deactivate`,
  );
  expect(unknown.status).toBe(404);
  expect(unknown.body.error?.code).toBe("MESSAGE_NOT_FOUND");
  const bad = await store.request("POST", `${API}/messages`, {
    id: "x",
    when: { event: "lines" },
    cashier: "?",
  });
  expect(bad.status).toBe(400);
  const listed = await store.request<{ messages: { id: string; cashier?: string }[] }>(
    "GET",
    `${API}/messages`,
  );
  expect(listed.body.messages).toEqual([expect.objectContaining({ id: "hq-bag", cashier: "Offer a bag" })]);
});

test("the store's own message and its end are in the audit log", async () => {
  await store.request("POST", `${API}/messages`, {
    id: "m1",
    when: { event: "lines", over: 5 },
    cashier: "Bag?",
  });
  await store.request("POST", `${API}/messages/m1/deactivate`);
  const audit = await store.request<{ entries: { action: string; refId: string | null }[] }>(
    "GET",
    `${API}/audit?limit=50`,
  );
  const actions = (audit.body.entries ?? []).filter((e) => e.refId === "m1").map((e) => e.action);
  expect(actions.sort()).toEqual(["message.deactivated", "message.defined"]);
});
