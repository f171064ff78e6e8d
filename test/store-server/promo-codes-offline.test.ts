/**
 * Limited promo codes at a store that cannot reach head office: a single-use code of head
 * office's is refused (CODE_NEEDS_HQ) and nothing is recorded; a multi-use code is allowed up to
 * its limit by the store's own count, and waits to be claimed; the store's own limited code is
 * counted by the store; a released use frees its use.
 */
import { afterEach, beforeEach, expect, test } from "bun:test";
import { eq } from "drizzle-orm";
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

function fromHq(promotion: Promotion): void {
  store.ctx.db.transaction((tx) =>
    applyHqPromotion(store.ctx, tx, { promotion, active: true }, store.ctx.now()),
  );
}

function sell(id: string, code: string) {
  return store.request<{ error?: { code: string }; promotions?: unknown[] }>("POST", `${API}/sales`, {
    id,
    tillId: "T1",
    lines: [{ code: "BREAD" }],
    couponCodes: [code],
    tenders: [{ type: "cash", amountMinor: 1_000 }],
  });
}

const amountOff = { kind: "amount" as const, amountMinor: 50, on: "order" as const };

test("offline, a single-use code of head office's is refused and the sale is not recorded", async () => {
  fromHq({ id: "once", name: "Once", code: "ONCE", reward: amountOff, maxUses: 1 });
  const id = uuidv7();
  const refused = await sell(id, "ONCE");
  expect(refused.status).toBe(503);
  expect(refused.body.error?.code).toBe("CODE_NEEDS_HQ");
  expect((await store.request("GET", `${API}/sales/${id}`)).status).toBe(404);
  expect(store.ctx.db.select().from(codeUses).all()).toEqual([]);
});

test("offline, a multi-use code is counted by the store up to its limit and waits to be claimed", async () => {
  fromHq({ id: "twice", name: "Twice", code: "TWICE", reward: amountOff, maxUses: 2 });
  expect((await sell(uuidv7(), "twice")).status).toBe(201);
  expect((await sell(uuidv7(), "TWICE")).status).toBe(201);
  const third = await sell(uuidv7(), "TWICE");
  expect(third.status).toBe(409);
  expect(third.body.error?.code).toBe("CODE_USED_UP");
  const kept = store.ctx.db.select().from(codeUses).all();
  expect(kept.map((u) => [u.code, u.claimed, u.released])).toEqual([
    ["TWICE", false, false],
    ["TWICE", false, false],
  ]);
});

test("the store's own single-use code is counted by the store; a released use frees it", async () => {
  expect(
    (
      await store.request("POST", `${API}/promotions`, {
        id: "local",
        name: "Local",
        code: "LOCAL",
        reward: amountOff,
        maxUses: 1,
      })
    ).status,
  ).toBe(200);
  const first = uuidv7();
  expect((await sell(first, "LOCAL")).status).toBe(201);
  expect((await sell(uuidv7(), "LOCAL")).body.error?.code).toBe("CODE_USED_UP");
  store.ctx.db.update(codeUses).set({ released: true }).where(eq(codeUses.saleId, first)).run();
  expect((await sell(uuidv7(), "LOCAL")).status).toBe(201);
});
