/**
 * Report figures against hand-computed expectations: a few sales, a return, a void and a sale
 * on the next business day, in a net-prices store (America/New_York) and a gross-prices one.
 */
import { afterEach, describe, expect, test } from "bun:test";
import { uuidv7 } from "../../src/core/ids.ts";
import { createTestStore, type JsonObject, type TestStore } from "../support/store-app.ts";

const stores: TestStore[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

function store(pricesIncludeTax: boolean): TestStore {
  const s = createTestStore({
    settings: {
      currency: "USD",
      timeZone: "America/New_York",
      pricesIncludeTax,
      taxClasses: [
        { id: "1", name: "Regular", rate: "10" },
        { id: "2", name: "Reduced", rate: "5" },
      ],
      approvals: { refund: false, voidAfterTotal: false },
    },
  });
  stores.push(s);
  return s;
}

async function ok<T = JsonObject>(
  s: TestStore,
  method: string,
  path: string,
  body?: unknown,
  token?: string | null,
): Promise<T> {
  const res = await s.request<T>(method, path, body, token);
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

async function sale(s: TestStore, at: string, body: JsonObject): Promise<string> {
  // The store refuses sales dated ahead of its clock: the day moves on as the sales come.
  if (s.clock.now.getTime() < Date.parse(at)) s.clock.set(at);
  const id = uuidv7(Date.parse(at));
  await ok(s, "POST", "/api/v1/sales", { id, tillId: "T1", at, ...body });
  return id;
}

describe("reports in a net-prices store", () => {
  async function seed() {
    const s = store(false);
    await ok(s, "POST", "/api/v1/departments/bulk", {
      departments: [
        { id: "D1", name: "Grocery", taxClass: "1" },
        { id: "D2", name: "Dairy", taxClass: "2" },
      ],
    });
    for (const p of [
      { code: "A", name: "Alpha", priceMinor: 1000, taxClass: "1", department: "D1" },
      { code: "B", name: "Beta", priceMinor: 250, taxClass: "2", department: "D2" },
      { code: "C", name: "Gamma", priceMinor: 400 },
    ]) {
      await ok(s, "POST", "/api/v1/products", p);
    }
    const ann = await ok<{ id: string }>(s, "POST", "/api/v1/users", {
      name: "Ann",
      role: "cashier",
      pin: "4821",
    });
    // 10:00 local: A×2 (2000 + 200 tax) and B×1 (250 + 13 tax) = 2463, cash 3000, change 537.
    const s1 = await sale(s, "2026-03-02T15:00:00.000Z", {
      cashierId: ann.id,
      lines: [
        { code: "A", qty: 2 },
        { code: "B", qty: 1 },
      ],
      tenders: [{ type: "cash", amountMinor: 3000 }],
    });
    // 11:30: A with 10% off (900 + 90 tax), C×3 (1200, untaxed) = 2190 by card.
    await sale(s, "2026-03-02T16:30:00.000Z", {
      cashierId: ann.id,
      lines: [
        { code: "A", discount: { percent: "10" } },
        { code: "C", qty: 3 },
      ],
      tenders: [{ type: "card", amountMinor: 2190 }],
    });
    // 12:00: B×4 = 1050 cash, then voided: counts nowhere but voidedCount.
    const s3 = await sale(s, "2026-03-02T17:00:00.000Z", {
      cashierId: ann.id,
      lines: [{ code: "B", qty: 4 }],
      tenders: [{ type: "cash", amountMinor: 1050 }],
    });
    await ok(s, "POST", `/api/v1/sales/${s3}/void`, { reason: "customer left" });
    // 22:00 local on the 2nd (03:00 UTC on the 3rd): C×1 = 400, cash 500, change 100.
    await sale(s, "2026-03-03T03:00:00.000Z", {
      lines: [{ code: "C" }],
      tenders: [{ type: "cash", amountMinor: 500 }],
    });
    // 01:00 local on the 3rd: another business day.
    await sale(s, "2026-03-03T06:00:00.000Z", {
      lines: [{ code: "C", qty: 2 }],
      tenders: [{ type: "card", amountMinor: 800 }],
    });
    // 15:00 local: one A of the first sale comes back, 1000 + 100 tax paid back in cash.
    s.clock.set("2026-03-02T20:00:00.000Z");
    await ok(s, "POST", "/api/v1/returns", {
      id: uuidv7(Date.parse("2026-03-02T20:00:00.000Z")),
      originalSaleId: s1,
      tillId: "T1",
      cashierId: ann.id,
      lines: [{ code: "A", qty: 1 }],
      tenders: [{ type: "cash", amountMinor: 1100 }],
    });
    return { s, annId: ann.id };
  }

  test("daily: sales minus returns, voids left out, tenders net of change and refunds", async () => {
    const { s } = await seed();
    const report = await ok(s, "GET", "/api/v1/reports/daily?date=2026-03-02");
    expect(report).toEqual({
      date: "2026-03-02",
      currency: "USD",
      salesCount: 3,
      returnsCount: 1,
      voidedCount: 1,
      grossMinor: 2250 + 2200 + 400 - 1000,
      discountMinor: 100,
      netMinor: 3750,
      taxMinor: 213 + 90 - 100,
      totalMinor: 2463 + 2190 + 400 - 1100,
      byTender: { cash: 3000 - 537 + 500 - 100 - 1100, card: 2190 },
      byTaxClass: [
        { taxClass: "1", rate: "10", baseMinor: 2000 + 900 - 1000, taxMinor: 200 + 90 - 100 },
        { taxClass: "2", rate: "5", baseMinor: 250, taxMinor: 13 },
      ],
      deposits: { collectedMinor: 0, refundedMinor: 0, netMinor: 0 },
    });
    const next = await ok(s, "GET", "/api/v1/reports/daily?date=2026-03-03");
    expect(next).toMatchObject({ salesCount: 1, totalMinor: 800, byTender: { card: 800 } });
    const empty = await ok(s, "GET", "/api/v1/reports/daily?date=2026-01-01");
    expect(empty).toMatchObject({
      salesCount: 0,
      grossMinor: 0,
      totalMinor: 0,
      byTender: {},
      byTaxClass: [],
    });
  });

  test("by hour, in the store's time zone", async () => {
    const { s } = await seed();
    const r = await ok<{ timeZone: string; hours: JsonObject[] }>(
      s,
      "GET",
      "/api/v1/reports/by-hour?date=2026-03-02",
    );
    expect(r.timeZone).toBe("America/New_York");
    expect(r.hours).toHaveLength(24);
    const busy = r.hours.filter((h) => h.salesCount !== 0 || h.returnsCount !== 0);
    expect(busy).toEqual([
      { hour: 10, salesCount: 1, returnsCount: 0, netMinor: 2250, totalMinor: 2463 },
      { hour: 11, salesCount: 1, returnsCount: 0, netMinor: 2100, totalMinor: 2190 },
      { hour: 15, salesCount: 0, returnsCount: 1, netMinor: -1000, totalMinor: -1100 },
      { hour: 22, salesCount: 1, returnsCount: 0, netMinor: 400, totalMinor: 400 },
    ]);
  });

  test("by department, with names", async () => {
    const { s } = await seed();
    const r = await ok<{ departments: JsonObject[] }>(
      s,
      "GET",
      "/api/v1/reports/by-department?date=2026-03-02",
    );
    expect(r.departments).toEqual([
      {
        department: "D1",
        name: "Grocery",
        lineCount: 2,
        returnLineCount: 1,
        grossMinor: 2000,
        discountMinor: 100,
        netMinor: 1900,
        taxMinor: 190,
        totalMinor: 2090,
      },
      {
        department: null,
        name: null,
        lineCount: 2,
        returnLineCount: 0,
        grossMinor: 1600,
        discountMinor: 0,
        netMinor: 1600,
        taxMinor: 0,
        totalMinor: 1600,
      },
      {
        department: "D2",
        name: "Dairy",
        lineCount: 1,
        returnLineCount: 0,
        grossMinor: 250,
        discountMinor: 0,
        netMinor: 250,
        taxMinor: 13,
        totalMinor: 263,
      },
    ]);
    const total = r.departments.reduce((sum, d) => sum + Number(d.totalMinor), 0);
    expect(total).toBe(3953);
  });

  test("by cashier, with voids and returns", async () => {
    const { s, annId } = await seed();
    const r = await ok<{ cashiers: JsonObject[] }>(s, "GET", "/api/v1/reports/by-cashier?date=2026-03-02");
    expect(r.cashiers).toEqual([
      {
        cashierId: annId,
        name: "Ann",
        salesCount: 2,
        voidedCount: 1,
        returnsCount: 1,
        refundedMinor: 1100,
        grossMinor: 3450,
        discountMinor: 100,
        netMinor: 3350,
        taxMinor: 203,
        totalMinor: 3553,
      },
      {
        cashierId: null,
        name: null,
        salesCount: 1,
        voidedCount: 0,
        returnsCount: 0,
        refundedMinor: 0,
        grossMinor: 400,
        discountMinor: 0,
        netMinor: 400,
        taxMinor: 0,
        totalMinor: 400,
      },
    ]);
  });

  test("by tender over a range of days", async () => {
    const { s } = await seed();
    const r = await ok(s, "GET", "/api/v1/reports/by-tender?from=2026-03-02&to=2026-03-03");
    expect(r).toEqual({
      from: "2026-03-02",
      to: "2026-03-03",
      currency: "USD",
      tenders: [
        { type: "card", count: 2, receivedMinor: 2990, changeMinor: 0, refundedMinor: 0, netMinor: 2990 },
        {
          type: "cash",
          count: 2,
          receivedMinor: 3500,
          changeMinor: 637,
          refundedMinor: 1100,
          netMinor: 1763,
        },
      ],
    });
  });
});

describe("reports in a gross-prices store", () => {
  test("gross is before discounts with tax inside; net is without tax", async () => {
    const s = store(true);
    await ok(s, "POST", "/api/v1/products", { code: "A", name: "Alpha", priceMinor: 1100, taxClass: "1" });
    // 2 × 11.00 with 2.00 off the basket = 20.00, of which 10/110 is tax: 181.8 → 182.
    const id = await sale(s, "2026-03-02T15:00:00.000Z", {
      lines: [{ code: "A", qty: 2 }],
      discount: { amountMinor: 200 },
      tenders: [{ type: "cash", amountMinor: 2000 }],
    });
    const day = "/api/v1/reports/daily?date=2026-03-02";
    expect(await ok(s, "GET", day)).toMatchObject({
      grossMinor: 2200,
      discountMinor: 200,
      taxMinor: 182,
      netMinor: 1818,
      totalMinor: 2000,
      byTender: { cash: 2000 },
      byTaxClass: [{ taxClass: "1", rate: "10", baseMinor: 1818, taxMinor: 182 }],
    });
    const dept = await ok<{ departments: JsonObject[] }>(
      s,
      "GET",
      "/api/v1/reports/by-department?date=2026-03-02",
    );
    expect(dept.departments).toEqual([
      {
        department: null,
        name: null,
        lineCount: 1,
        returnLineCount: 0,
        grossMinor: 2200,
        discountMinor: 200,
        netMinor: 1818,
        taxMinor: 182,
        totalMinor: 2000,
      },
    ]);
    // Half of it comes back: 10.00 paid back, 0.91 of it tax.
    s.clock.set("2026-03-02T16:00:00.000Z");
    await ok(s, "POST", "/api/v1/returns", {
      id: uuidv7(Date.parse("2026-03-02T16:00:00.000Z")),
      originalSaleId: id,
      tillId: "T1",
      lines: [{ code: "A", qty: 1 }],
      tenders: [{ type: "cash", amountMinor: 1000 }],
    });
    expect(await ok(s, "GET", day)).toMatchObject({
      salesCount: 1,
      returnsCount: 1,
      grossMinor: 1100,
      discountMinor: 100,
      taxMinor: 91,
      netMinor: 909,
      totalMinor: 1000,
      byTender: { cash: 1000 },
      byTaxClass: [{ taxClass: "1", rate: "10", baseMinor: 909, taxMinor: 91 }],
    });
  });
});

describe("report requests", () => {
  test("bad dates and ranges answer 400 with the reason", async () => {
    const s = store(false);
    const bad = await s.request<{ error: { code: string; message: string } }>(
      "GET",
      "/api/v1/reports/daily?date=2026-3-2",
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain("YYYY-MM-DD");
    const missing = await s.request<{ error: { code: string } }>("GET", "/api/v1/reports/by-hour");
    expect(missing.status).toBe(400);
    const backwards = await s.request<{ error: { code: string } }>(
      "GET",
      "/api/v1/reports/by-tender?from=2026-03-05&to=2026-03-01",
    );
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.code).toBe("INVALID_RANGE");
    const long = await s.request<{ error: { code: string } }>(
      "GET",
      "/api/v1/reports/by-tender?from=2024-01-01&to=2026-03-01",
    );
    expect(long.body.error.code).toBe("RANGE_TOO_LONG");
  });

  test("reports need a manager: no token 401, a cashier 403, a manager 200", async () => {
    const s = store(false);
    expect((await s.request("GET", "/api/v1/reports/daily?date=2026-03-02", undefined, null)).status).toBe(
      401,
    );
    for (const [role, pin, status] of [
      ["cashier", "5931", 403],
      ["manager", "7204", 200],
    ] as const) {
      await ok(s, "POST", "/api/v1/users", { name: role, role, pin });
      const session = await ok<{ token: string }>(s, "POST", "/api/v1/sessions", { tillId: "T1", pin }, null);
      const res = await s.request("GET", "/api/v1/reports/daily?date=2026-03-02", undefined, session.token);
      expect(res.status).toBe(status);
    }
  });
});
