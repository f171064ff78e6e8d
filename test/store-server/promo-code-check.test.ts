/**
 * The till's check of a promo code when the cashier enters it (`POST /promotions/codes/check`):
 * the code must be in force; a limited code's limits are checked and nothing is counted. Here the
 * store cannot reach head office: head office's single-use codes are refused, multi-use ones are
 * allowed within the store's own count.
 */
import { afterEach, beforeEach, expect, test } from "bun:test";
import { codeUses } from "../../schema/store.ts";
import { uuidv7 } from "../../src/core/ids.ts";
import type { Promotion } from "../../src/core/promotions/index.ts";
import { applyHqPromotion } from "../../src/store-server/promotions/service.ts";
import { createTestStore, type TestStore } from "../support/store-app.ts";
import { API, seedCatalog } from "./sales-fixtures.ts";

let store: TestStore;
beforeEach(async () => {
  store = createTestStore();
  await seedCatalog(store);
});
afterEach(() => store.close());

const amountOff = { kind: "amount" as const, amountMinor: 50, on: "order" as const };

function fromHq(promotion: Promotion): void {
  store.ctx.db.transaction((tx) =>
    applyHqPromotion(store.ctx, tx, { promotion, active: true }, store.ctx.now()),
  );
}

function check(body: Record<string, unknown>) {
  return store.request<{ error?: { code: string }; code?: string; countedBy?: string; promotions?: unknown }>(
    "POST",
    `${API}/promotions/codes/check`,
    { saleId: uuidv7(), ...body },
  );
}

test("a code in force answers its promotions; an unlimited one is counted by nobody", async () => {
  fromHq({ id: "summer", name: "Summer 0.50 off", code: "SUMMER", reward: amountOff });
  const res = await check({ code: "summer" });
  expect(res.status).toBe(200);
  expect(res.body).toEqual({
    code: "SUMMER",
    promotions: [{ id: "summer", name: "Summer 0.50 off" }],
    countedBy: "none",
  });
});

test("an unknown or expired code is refused precisely", async () => {
  expect((await check({ code: "NOPE" })).body.error?.code).toBe("CODE_UNKNOWN");
  fromHq({ id: "old", name: "Old", code: "OLD", reward: amountOff, validTo: "2000-01-01" });
  const expired = await check({ code: "OLD" });
  expect(expired.status).toBe(409);
  expect(expired.body.error?.code).toBe("CODE_EXPIRED");
});

test("head office unreachable: single-use refused, multi-use allowed by the store's count; nothing counted", async () => {
  fromHq({ id: "once", name: "Once", code: "ONCE", reward: amountOff, maxUses: 1 });
  fromHq({ id: "many", name: "Many", code: "MANY", reward: amountOff, maxUses: 5 });
  const once = await check({ code: "ONCE" });
  expect(once.status).toBe(503);
  expect(once.body.error?.code).toBe("CODE_NEEDS_HQ");
  const many = await check({ code: "many" });
  expect(many.status).toBe(200);
  expect(many.body.countedBy).toBe("store");
  expect(store.ctx.db.select().from(codeUses).all()).toEqual([]);
});

test("the store's own single-use code, once used, is refused", async () => {
  await store.request("POST", `${API}/promotions`, {
    id: "local",
    name: "Local",
    code: "LOCAL",
    reward: amountOff,
    maxUses: 1,
  });
  expect((await check({ code: "LOCAL" })).body.countedBy).toBe("store");
  const sold = await store.request("POST", `${API}/sales`, {
    id: uuidv7(),
    tillId: "T1",
    lines: [{ code: "BREAD" }],
    couponCodes: ["LOCAL"],
    tenders: [{ type: "cash", amountMinor: 1_000 }],
  });
  expect(sold.status).toBe(201);
  const again = await check({ code: "LOCAL" });
  expect(again.status).toBe(409);
  expect(again.body.error?.code).toBe("CODE_USED_UP");
});

test("bad input is refused and changes nothing", async () => {
  const bad = await check({ code: "two words" });
  expect(bad.status).toBe(400);
  const noSale = await store.request<{ error?: { code: string } }>("POST", `${API}/promotions/codes/check`, {
    code: "SUMMER",
  });
  expect(noSale.status).toBe(400);
  expect(store.ctx.db.select().from(codeUses).all()).toEqual([]);
});
