/**
 * The store's own promotions (`POST /promotions`) price quotes and sales at once: each line's
 * discount holds its share and the answer names each promotion; a sale as rung keeps the
 * promotions it was rung with, whatever is in force when it arrives. Bad definitions change nothing.
 */
import { afterEach, beforeEach, describe, expect, test } from "bun:test";
import { uuidv7 } from "../../src/core/ids.ts";
import { createTestStore, type JsonObject, type TestStore } from "../support/store-app.ts";
import { API, seedCatalog } from "./sales-fixtures.ts";

interface Priced extends JsonObject {
  lines: { code: string; discountMinor: number; taxMinor: number; totalMinor: number; department?: string }[];
  promotions: { id: string; name: string; discountMinor: number }[];
  discountMinor: number;
  totalMinor: number;
}
interface ErrorBody {
  error: { code: string; message: string };
}

let store: TestStore;
beforeEach(async () => {
  store = createTestStore();
  await seedCatalog(store);
});
afterEach(() => store.close());

const threeForTwo = {
  id: "juice-3for2",
  name: "Juice 3 for 2",
  reward: { kind: "multibuy", buy: 2, get: 1, percent: "100", products: ["A1"] },
};

describe("the store's own promotions", () => {
  test("a promotion defined at the store prices the next quote, named, its discount in the line", async () => {
    const before = await store.request<Priced>("POST", `${API}/baskets/quote`, {
      lines: [{ code: "A1", qty: 3 }],
    });
    expect(before.body.promotions).toEqual([]);
    const defined = await store.request("POST", `${API}/promotions`, threeForTwo);
    expect(defined.status).toBe(200);
    expect(defined.body).toMatchObject({ id: "juice-3for2", source: "store", active: true });

    // 3 × 1.99 = 5.97, one free: 1.99 off; tax 8.875 % of 3.98 = 0.35.
    const quote = await store.request<Priced>("POST", `${API}/baskets/quote`, {
      lines: [{ code: "A1", qty: 3 }, { code: "BREAD" }],
    });
    expect(quote.status).toBe(200);
    expect(quote.body.promotions).toEqual([{ id: "juice-3for2", name: "Juice 3 for 2", discountMinor: 199 }]);
    expect(quote.body.lines[0]).toMatchObject({ discountMinor: 199, totalMinor: 398, taxMinor: 35 });
    expect(quote.body.lines[1]).toMatchObject({ discountMinor: 0 });
    expect(quote.body.discountMinor).toBe(199);

    const listed = await store.request<{ promotions: JsonObject[] }>("GET", `${API}/promotions`);
    expect(listed.body.promotions.map((p) => p.id)).toEqual(["juice-3for2"]);
  });

  test("a promo code applies only when the basket presents it", async () => {
    await store.request("POST", `${API}/promotions`, {
      id: "bread-code",
      name: "Bread coupon",
      code: "BREAD50",
      reward: { kind: "percent", percent: 50, products: ["BREAD"] },
    });
    const without = await store.request<Priced>("POST", `${API}/baskets/quote`, {
      lines: [{ code: "BREAD" }],
    });
    expect(without.body.totalMinor).toBe(275);
    const withCode = await store.request<Priced>("POST", `${API}/baskets/quote`, {
      lines: [{ code: "BREAD" }],
      couponCodes: ["bread50"],
    });
    // 50 % of 2.75 = 1.375 → 1.38 (half up).
    expect(withCode.body.totalMinor).toBe(137);
  });

  test("a sale priced by the store records its promotions", async () => {
    await store.request("POST", `${API}/promotions`, threeForTwo);
    const id = uuidv7();
    const sale = await store.request<Priced>("POST", `${API}/sales`, {
      id,
      tillId: "T1",
      lines: [{ code: "A1", qty: 3 }],
      tenders: [{ type: "cash", amountMinor: 500 }],
    });
    expect(sale.status).toBe(201);
    expect(sale.body.promotions).toEqual([{ id: "juice-3for2", name: "Juice 3 for 2", discountMinor: 199 }]);
    const read = await store.request<Priced>("GET", `${API}/sales/${id}`);
    expect(read.body.promotions).toEqual(sale.body.promotions);
  });

  test("a sale as rung keeps the promotions it was rung with, though the promotion has ended since", async () => {
    await store.request("POST", `${API}/promotions`, threeForTwo);
    const quote = await store.request<Priced>("POST", `${API}/baskets/quote`, {
      lines: [{ code: "A1", qty: 3 }],
    });
    const ended = await store.request("POST", `${API}/promotions/juice-3for2/deactivate`);
    expect(ended.status).toBe(200);
    const id = uuidv7();
    const { currency: _currency, ...rung } = quote.body;
    const sale = await store.request<Priced>("POST", `${API}/sales`, {
      ...rung,
      lines: quote.body.lines.map(({ department: _d, ...line }) => line),
      id,
      asRung: true,
      at: store.clock.now.toISOString(),
      tillId: "T1",
      tenders: [{ type: "cash", amountMinor: quote.body.totalMinor }],
    });
    expect(sale.status).toBe(201);
    expect(sale.body.promotions).toEqual([{ id: "juice-3for2", name: "Juice 3 for 2", discountMinor: 199 }]);
    expect(sale.body.totalMinor).toBe(quote.body.totalMinor);
  });

  test("bad definitions are refused precisely and change nothing", async () => {
    const cases: [JsonObject, number, string][] = [
      [{ ...threeForTwo, reward: { kind: "amount", amountMinor: -5 } }, 400, "INVALID_REQUEST"],
      [
        { ...threeForTwo, reward: { kind: "percent", percent: "10", products: ["NOPE"] } },
        400,
        "UNKNOWN_PRODUCT",
      ],
      [
        { ...threeForTwo, reward: { kind: "percent", percent: "10", categories: ["nope"] } },
        400,
        "UNKNOWN_CATEGORY",
      ],
      [{ ...threeForTwo, reward: { kind: "multibuy", buy: 2, products: ["A1"] } }, 400, "INVALID_REQUEST"],
    ];
    const rows = store.count("promotions");
    const audits = store.count("audit");
    for (const [body, status, code] of cases) {
      const res = await store.request<ErrorBody>("POST", `${API}/promotions`, body);
      expect([res.status, res.body.error.code]).toEqual([status, code]);
    }
    expect(store.count("promotions")).toBe(rows);
    expect(store.count("audit")).toBe(audits);
  });

  test("two exclusive promotions of the same priority on the same lines overlap: the second is refused", async () => {
    const exclusive = { ...threeForTwo, exclusive: true };
    expect((await store.request("POST", `${API}/promotions`, exclusive)).status).toBe(200);
    const other = {
      id: "juice-10",
      name: "Juice 10 %",
      exclusive: true,
      reward: { kind: "percent", percent: "10", products: ["A1"] },
    };
    const res = await store.request<ErrorBody>("POST", `${API}/promotions`, other);
    expect([res.status, res.body.error.code]).toEqual([409, "EXCLUSIVE_OVERLAP"]);
    expect(store.count("promotions")).toBe(1);
    // At another priority the order is defined: accepted.
    expect((await store.request("POST", `${API}/promotions`, { ...other, priority: 1 })).status).toBe(200);
  });
});
