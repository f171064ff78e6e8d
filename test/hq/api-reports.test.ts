/**
 * Chain reports and any store's sale, over rows as ingestion writes them: a net-prices store
 * (S1, tax on top) and a gross-prices store (S2, tax included) where a customer brings back
 * something bought at S1. Figures are worked out by hand below.
 */
import { afterEach, beforeEach, describe, expect, test } from "bun:test";
import { uuidv7 } from "../../src/core/ids.ts";
import { createTestHq, type JsonObject, type TestHq } from "../support/hq-app.ts";
import { insertReturn, insertSale, insertStores } from "../support/hq-ingested.ts";

let hq: TestHq;
afterEach(() => hq.close());

let saleA = "";

beforeEach(() => {
  hq = createTestHq();
  insertStores(hq, ["S1", "S2", "S3"]);
  // S1 prices net (tax on top). A: 2×A at 10.00 (10%) and B at 2.50 (5%) = 24.63, cash 30.00.
  saleA = insertSale(
    hq,
    {
      storeId: "S1",
      receiptNo: "S1-T1-000001",
      at: "2026-03-02T15:00:00.000Z",
      day: "2026-03-02",
      lines: [
        ["A", "D1", 2000, 1000, 2000, 0, 200, 2000],
        ["B", "D2", 1000, 250, 250, 0, 13, 250],
      ],
      tenders: [["cash", 3000]],
      taxes: [
        ["1", "10", 2000, 200],
        ["2", "5", 250, 13],
      ],
      subtotal: 2250,
      discount: 0,
      tax: 213,
      total: 2463,
    },
    { change: 537 },
  );
  // A voided sale counts nowhere but voidedCount.
  insertSale(
    hq,
    {
      storeId: "S1",
      receiptNo: "S1-T1-000002",
      at: "2026-03-02T16:00:00.000Z",
      day: "2026-03-02",
      lines: [["A", "D1", 1000, 1000, 1000, 0, 100, 1000]],
      tenders: [["card", 1100]],
      taxes: [["1", "10", 1000, 100]],
      subtotal: 1000,
      discount: 0,
      tax: 100,
      total: 1100,
    },
    { status: "voided" },
  );
  // Next day: A with 10% off = 9.00 + 0.90 tax, by card.
  insertSale(hq, {
    storeId: "S1",
    receiptNo: "S1-T1-000003",
    at: "2026-03-03T15:00:00.000Z",
    day: "2026-03-03",
    lines: [["A", "D1", 1000, 1000, 1000, 100, 90, 900]],
    tenders: [["card", 990]],
    taxes: [["1", "10", 900, 90]],
    subtotal: 1000,
    discount: 100,
    tax: 90,
    total: 990,
  });
  // S2 prices gross (tax inside): 1.5 kg of C at 4.00 = 6.00 with 1.00 tax at 20%.
  insertSale(hq, {
    storeId: "S2",
    receiptNo: "S2-T1-000001",
    at: "2026-03-02T10:00:00.000Z",
    day: "2026-03-02",
    lines: [["C", "D1", 1500, 400, 600, 0, 100, 600]],
    tenders: [["card", 600]],
    taxes: [["1", "20", 500, 100]],
    subtotal: 600,
    discount: 0,
    tax: 100,
    total: 600,
  });
  // The customer brings B (bought at S1) back to S2 and gets 2.63 in cash.
  insertReturn(
    hq,
    {
      storeId: "S2",
      receiptNo: "S2-T1-000002",
      at: "2026-03-03T11:00:00.000Z",
      day: "2026-03-03",
      lines: [["B", "D2", 1000, 250, 250, 0, 13, 250]],
      tenders: [["cash", 263]],
      taxes: [["2", "5", 250, 13]],
      subtotal: 250,
      discount: 0,
      tax: 13,
      total: 263,
    },
    saleA,
    [2],
  );
});

async function get<T = JsonObject>(path: string): Promise<T> {
  const res = await hq.request<T>("GET", path);
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

describe("GET /reports/sales", () => {
  test("each store and the chain, with the daily report's fields", async () => {
    const report = await get<{ total: JsonObject; stores: JsonObject[] }>(
      "/api/v1/reports/sales?from=2026-03-02&to=2026-03-03",
    );
    const [s1, s2, s3] = report.stores;
    expect(s1).toMatchObject({
      storeId: "S1",
      name: "Store S1",
      currency: "USD",
      salesCount: 2,
      returnsCount: 0,
      voidedCount: 1,
      grossMinor: 3250,
      discountMinor: 100,
      taxMinor: 303,
      netMinor: 3150,
      totalMinor: 3453,
      byTender: { card: 990, cash: 2463 },
      byTaxClass: [
        { taxClass: "1", rate: "10", baseMinor: 2900, taxMinor: 290 },
        { taxClass: "2", rate: "5", baseMinor: 250, taxMinor: 13 },
      ],
    });
    expect(s2).toMatchObject({
      storeId: "S2",
      salesCount: 1,
      returnsCount: 1,
      grossMinor: 350,
      taxMinor: 87,
      netMinor: 250,
      totalMinor: 337,
      byTender: { card: 600, cash: -263 },
      byTaxClass: [
        { taxClass: "1", rate: "20", baseMinor: 500, taxMinor: 100 },
        { taxClass: "2", rate: "5", baseMinor: -250, taxMinor: -13 },
      ],
    });
    expect(s3).toMatchObject({ storeId: "S3", salesCount: 0, totalMinor: 0, byTender: {} });
    expect(report.total).toMatchObject({
      currency: "USD",
      salesCount: 3,
      returnsCount: 1,
      voidedCount: 1,
      grossMinor: 3600,
      discountMinor: 100,
      taxMinor: 390,
      netMinor: 3400,
      totalMinor: 3790,
      byTender: { card: 1590, cash: 2200 },
      byTaxClass: [
        { taxClass: "1", rate: "10", baseMinor: 2900, taxMinor: 290 },
        { taxClass: "1", rate: "20", baseMinor: 500, taxMinor: 100 },
        { taxClass: "2", rate: "5", baseMinor: 0, taxMinor: 0 },
      ],
    });
  });

  test("storeId narrows the report to one store, and the range to its days", async () => {
    const report = await get<{ total: JsonObject; stores: JsonObject[] }>(
      "/api/v1/reports/sales?from=2026-03-02&to=2026-03-02&storeId=S1",
    );
    expect(report.stores.map((s) => s.storeId)).toEqual(["S1"]);
    expect(report.total).toMatchObject({
      salesCount: 1,
      voidedCount: 1,
      totalMinor: 2463,
      byTender: { cash: 2463 },
    });
  });

  test("a bad range is refused with the reason", async () => {
    const cases: [string, string][] = [
      ["from=2026-03-03&to=2026-03-02", "INVALID_RANGE"],
      ["from=2025-01-01&to=2026-03-02", "RANGE_TOO_LONG"],
      ["from=2026-03-02", "INVALID_REQUEST"],
      ["from=2026-3-2&to=2026-03-02", "INVALID_REQUEST"],
      ["from=2026-03-02&to=2026-03-02&storeId=S-1", "INVALID_REQUEST"],
    ];
    for (const [query, code] of cases) {
      const res = await hq.request<{ error: { code: string } }>("GET", `/api/v1/reports/sales?${query}`);
      expect(`${query} ${res.status} ${res.body.error.code}`).toBe(`${query} 400 ${code}`);
    }
  });
});

describe("breakdowns", () => {
  test("by day: every day of the range, sales minus returns", async () => {
    const chain = await get<{ days: JsonObject[] }>(
      "/api/v1/reports/sales/by-day?from=2026-03-01&to=2026-03-03",
    );
    expect(chain.days).toEqual([
      expect.objectContaining({ date: "2026-03-01", salesCount: 0, totalMinor: 0 }),
      expect.objectContaining({
        date: "2026-03-02",
        salesCount: 2,
        returnsCount: 0,
        totalMinor: 3063,
        taxMinor: 313,
      }),
      expect.objectContaining({
        date: "2026-03-03",
        salesCount: 1,
        returnsCount: 1,
        totalMinor: 727,
        netMinor: 650,
      }),
    ]);
    const s1 = await get<{ days: JsonObject[] }>(
      "/api/v1/reports/sales/by-day?from=2026-03-02&to=2026-03-02&storeId=S1",
    );
    expect(s1.days).toEqual([
      expect.objectContaining({ date: "2026-03-02", totalMinor: 2463, netMinor: 2250 }),
    ]);
  });

  test("by department: net and gross stores' lines read right, returns subtract", async () => {
    const res = await get<{ departments: JsonObject[] }>(
      "/api/v1/reports/sales/by-department?from=2026-03-02&to=2026-03-03",
    );
    expect(res.departments).toEqual([
      {
        department: "D1",
        lineCount: 3,
        returnLineCount: 0,
        grossMinor: 3600,
        discountMinor: 100,
        netMinor: 3400,
        taxMinor: 390,
        totalMinor: 3790,
      },
      {
        department: "D2",
        lineCount: 1,
        returnLineCount: 1,
        grossMinor: 0,
        discountMinor: 0,
        netMinor: 0,
        taxMinor: 0,
        totalMinor: 0,
      },
    ]);
  });

  test("by product: quantity and money sold minus returned, largest first", async () => {
    const res = await get<{ products: JsonObject[] }>(
      "/api/v1/reports/sales/by-product?from=2026-03-02&to=2026-03-03",
    );
    expect(res.products.map((p) => [p.code, p.qtyMilli, p.netMinor, p.totalMinor])).toEqual([
      ["A", 3000, 2900, 3190],
      ["C", 1500, 500, 600],
      ["B", 0, 0, 0],
    ]);
    const top = await get<{ products: JsonObject[] }>(
      "/api/v1/reports/sales/by-product?from=2026-03-02&to=2026-03-03&limit=1",
    );
    expect(top.products.map((p) => p.code)).toEqual(["A"]);
  });
});

describe("GET /sales/:id", () => {
  test("any store's sale, with what was returned in another store", async () => {
    const storeToken = hq.token("store:S3");
    const res = await hq.request<JsonObject>("GET", `/api/v1/sales/${saleA}`, undefined, storeToken);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: saleA,
      storeId: "S1",
      receiptNo: "S1-T1-000001",
      status: "completed",
      totalMinor: 2463,
      tenders: [{ type: "cash", amountMinor: 3000 }],
      lines: [
        { lineNo: 1, code: "A", qty: 2, qtyMilli: 2000, returnedMilli: 0 },
        { lineNo: 2, code: "B", qty: 1, returnedMilli: 1000 },
      ],
      returns: [{ storeId: "S2", receiptNo: "S2-T1-000002", totalMinor: 263 }],
    });
  });

  test("found by receipt number too, typed without its padding", async () => {
    const res = await hq.request<{ id: string }>("GET", "/api/v1/sales/S1-T1-1");
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(saleA);
  });

  test("an unknown sale is 404 with a clear message", async () => {
    for (const id of [uuidv7(), "S9-T1-000001", "nonsense"]) {
      const res = await hq.request<{ error: { code: string; message: string } }>(
        "GET",
        `/api/v1/sales/${id}`,
      );
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe("UNKNOWN_SALE");
      expect(res.body.error.message).toContain(id);
    }
    expect(
      (await hq.request("GET", `/api/v1/sales/${saleA}`, undefined, hq.token("catalog:write"))).status,
    ).toBe(403);
  });
});
