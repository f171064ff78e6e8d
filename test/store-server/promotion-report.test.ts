/**
 * The store's promotion report: a week with a promotion against the week before it, from the
 * sales the store recorded; and its code usage. A bad period is refused precisely.
 */
import { afterEach, beforeEach, expect, test } from "bun:test";
import { uuidv7 } from "../../src/core/ids.ts";
import { createTestStore, type TestStore } from "../support/store-app.ts";
import { API, seedCatalog } from "./sales-fixtures.ts";

let store: TestStore;
beforeEach(async () => {
  store = createTestStore({ startAt: "2026-03-20T12:00:00.000Z" });
  await seedCatalog(store);
});
afterEach(() => store.close());

async function sell(at: string, qty: number, codes?: string[]): Promise<void> {
  const res = await store.request("POST", `${API}/sales`, {
    id: uuidv7(),
    tillId: "T1",
    at,
    lines: [{ code: "BREAD", qty }],
    ...(codes === undefined ? {} : { couponCodes: codes }),
    tenders: [{ type: "cash", amountMinor: 10_000 }],
  });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
}

test("a week of 3 for 2 on bread against the week before", async () => {
  const defined = await store.request("POST", `${API}/promotions`, {
    id: "bread-3for2",
    name: "Bread 3 for 2",
    validFrom: "2026-03-09",
    code: "BREAD",
    maxUses: 10,
    reward: { kind: "multibuy", buy: 2, get: 1, percent: 100, products: ["BREAD"] },
  });
  expect(defined.status).toBe(200);
  const bread = (await store.request<{ priceMinor: number }>("GET", `${API}/products/BREAD`)).body.priceMinor;
  await sell("2026-03-03T10:00:00.000Z", 2);
  await sell("2026-03-10T10:00:00.000Z", 3, ["BREAD"]);
  await sell("2026-03-11T10:00:00.000Z", 3, ["bread"]);

  const report = await store.request("GET", `${API}/reports/promotions?from=2026-03-09&to=2026-03-16`);
  expect(report.status).toBe(200);
  expect(report.body).toEqual({
    from: "2026-03-09T00:00:00.000Z",
    to: "2026-03-16T00:00:00.000Z",
    beforeFrom: "2026-03-02T00:00:00.000Z",
    promotions: [
      {
        id: "bread-3for2",
        name: "Bread 3 for 2",
        uses: 2,
        discountMinor: 2 * bread,
        // Six loaves, two free, against two the week before: twice as much.
        salesMinor: 4 * bread,
        qtyMilli: 6_000,
        beforeSalesMinor: 2 * bread,
        beforeQtyMilli: 2_000,
        upliftPercent: "100.00",
      },
    ],
  });
  const codes = await store.request("GET", `${API}/reports/promotion-codes`);
  expect(codes.body).toEqual({
    codes: [
      {
        promotionId: "bread-3for2",
        code: "BREAD",
        maxUses: 10,
        maxUsesPerCustomer: null,
        uses: 2,
        offlineUses: 0,
        discountMinor: 2 * bread,
        byStore: [{ storeId: store.ctx.storeId, uses: 2 }],
      },
    ],
  });
});

test("a period that ends before it starts is refused", async () => {
  const res = await store.request<{ error: { code: string } }>(
    "GET",
    `${API}/reports/promotions?from=2026-03-16&to=2026-03-09`,
  );
  expect(res.status).toBe(400);
  expect(res.body.error.code).toBe("INVALID_REQUEST");
});
