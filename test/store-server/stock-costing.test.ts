/**
 * Route tests of costing: each method's cost of goods on sales, returns and write-offs, checked
 * against hand-computed values, the movement history with its costs, and the valuation and
 * margin reports.
 */
import { afterEach, describe, expect, test } from "bun:test";
import type { CostingMethod } from "../../src/core/costing.ts";
import { uuidv7 } from "../../src/core/ids.ts";
import { createTestStore, type JsonObject, type TestStore } from "../support/store-app.ts";
import { API, recordPaidSale, seedCatalog, session } from "./sales-fixtures.ts";

interface Movement {
  kind: string;
  qtyMilli: number;
  costMinor: number | null;
  valueMinor: number | null;
}

let store: TestStore;
afterEach(() => store.close());

async function storeWith(costing: CostingMethod): Promise<string> {
  store = createTestStore({ settings: { costing } });
  await seedCatalog(store);
  return (await session(store, "manager", "3333", "BO")).token;
}

async function receive(token: string, qty: number, unitCostMinor: number) {
  const res = await store.request(
    "POST",
    `${API}/stock/adjustments`,
    { code: "BREAD", qty, unitCostMinor, kind: "receive", reason: "delivery" },
    token,
  );
  expect(res.status).toBe(201);
}

async function history(from?: string, to?: string): Promise<Movement[]> {
  const range = from && to ? `&from=${from}&to=${to}` : "";
  const res = await store.request<{ movements: Movement[] }>(
    "GET",
    `${API}/stock/movements?code=BREAD${range}`,
  );
  expect(res.status).toBe(200);
  return res.body.movements;
}

// 10 @ 1.00 and 10 @ 2.00 received; 15 sold; 3 of them returned (3/15 of the sale's cost); 4 written off.
// After the return FIFO holds 5 @ 2.00, then the 3 back at 4.00: the write-off takes 4 @ 2.00 = 8.00.
// LIFO holds 5 @ 1.00, then the 3 back at 5.00: it takes those 3 and 1 @ 1.00 = 6.00.
// Average holds 8 worth 7.50 + 4.50 = 12.00: 4 of them cost 6.00.
const EXPECTED: Record<CostingMethod, { sale: number; returned: number; writeoff: number }> = {
  fifo: { sale: 2000, returned: 400, writeoff: 800 },
  lifo: { sale: 2500, returned: 500, writeoff: 600 },
  average: { sale: 2250, returned: 450, writeoff: 600 },
};

describe("costing on the store", () => {
  for (const method of ["fifo", "lifo", "average"] as const) {
    test(`${method}: sales, returns and write-offs record their cost of goods`, async () => {
      const token = await storeWith(method);
      await receive(token, 10, 100);
      await receive(token, 10, 200);
      const sale = await recordPaidSale(store, [{ code: "BREAD", qty: 15 }]);
      const ret = await store.request("POST", `${API}/returns`, {
        id: uuidv7(),
        originalSaleId: sale.id,
        lines: [{ code: "BREAD", qty: 3 }],
        tenders: [{ type: "card", amountMinor: 825 }],
      });
      expect(ret.status).toBe(201);
      const off = await store.request(
        "POST",
        `${API}/stock/adjustments`,
        { code: "BREAD", qty: -4, kind: "damage", reason: "mouldy" },
        token,
      );
      expect(off.status).toBe(201);
      const [writeoff, returned, sold] = await history();
      expect(sold).toMatchObject({ kind: "sale", qtyMilli: -15_000, costMinor: EXPECTED[method].sale });
      expect(returned).toMatchObject({
        kind: "return",
        qtyMilli: 3_000,
        costMinor: EXPECTED[method].returned,
      });
      expect(writeoff?.kind).toBe("adjustment");
      expect(writeoff?.costMinor).toBe(EXPECTED[method].writeoff);
    });
  }

  test("valuation at a date and margin by product and department", async () => {
    const token = await storeWith("fifo");
    await receive(token, 10, 100);
    await receive(token, 10, 200);
    await recordPaidSale(store, [{ code: "BREAD", qty: 15 }]);
    store.clock.set("2026-03-03T15:00:00.000Z");
    await recordPaidSale(store, [{ code: "BREAD", qty: 2 }]);

    const day1 = await store.request<JsonObject>("GET", `${API}/reports/valuation?at=2026-03-02`);
    expect(day1.status).toBe(200);
    expect(day1.body).toEqual({
      at: "2026-03-02",
      totalValueMinor: 1000,
      lines: [{ code: "BREAD", onHand: 5, valueMinor: 1000 }],
    });
    const day2 = await store.request<JsonObject>("GET", `${API}/reports/valuation?at=2026-03-03`);
    expect(day2.body).toMatchObject({
      totalValueMinor: 600,
      lines: [{ code: "BREAD", onHand: 3, valueMinor: 600 }],
    });
    const before = await store.request<JsonObject>("GET", `${API}/reports/valuation?at=2026-03-01`);
    expect(before.body).toEqual({ at: "2026-03-01", totalValueMinor: 0, lines: [] });

    // BREAD is untaxed at 2.75: 15 sold for 41.25 costing 20.00, 2 for 5.50 costing 4.00
    const margin = await store.request<JsonObject>(
      "GET",
      `${API}/reports/margin?from=2026-03-02&to=2026-03-03&by=product`,
    );
    expect(margin.status).toBe(200);
    expect(margin.body.rows).toEqual([
      { key: "BREAD", qtySold: 17, netMinor: 4675, cogsMinor: 2400, marginMinor: 2275 },
    ]);
    const oneDay = await store.request<JsonObject>(
      "GET",
      `${API}/reports/margin?from=2026-03-03&to=2026-03-03&by=department`,
    );
    expect(oneDay.body.rows).toEqual([
      { key: "", qtySold: 2, netMinor: 550, cogsMinor: 400, marginMinor: 150 },
    ]);
    const bad = await store.request("GET", `${API}/reports/margin?from=2026-03-03&to=2026-03-01`);
    expect(bad.status).toBe(400);
  });
});
