/**
 * `GET /reports/loss-prevention`: per cashier, line voids, voided and cancelled sales,
 * no-sales, returns without receipt, price overrides and discounts with their amounts, set
 * against the store's rate per sale; a cashier at twice the store's rate (3 times or more) is
 * an outlier and comes first.
 */
import { describe, expect, test } from "bun:test";
import { uuidv7 } from "../../src/core/ids.ts";
import type { JsonObject } from "../support/store-app.ts";
import { ok, testStore } from "./compliance-support.ts";

describe("loss-prevention report", () => {
  test("counts and amounts per cashier against the store's rate, outliers first", async () => {
    const s = testStore({
      startAt: "2026-03-02T09:00:00.000Z",
      settings: { approvals: { refund: false, voidAfterTotal: false } },
    });
    await ok(s, "POST", "/api/v1/products", { code: "A", name: "Alpha", priceMinor: 1000 });
    await ok(s, "POST", "/api/v1/products", { code: "B", name: "Beta", priceMinor: 250 });
    const ids: Record<string, string> = {};
    for (const [name, pin] of [
      ["Ann", "4821"],
      ["Bob", "5932"],
      ["Cy", "6043"],
    ] as const) {
      ids[name] = (await ok<{ id: string }>(s, "POST", "/api/v1/users", { name, role: "cashier", pin })).id;
    }
    let minute = 0;
    const at = () => {
      minute++;
      const t = new Date(Date.parse("2026-03-02T10:00:00.000Z") + minute * 60_000).toISOString();
      s.clock.set(t);
      return t;
    };
    const voidB = { action: "line.voided", detail: { code: "B", qtyMilli: 1000, unitPriceMinor: 250 } };
    for (const name of ["Ann", "Bob", "Cy"]) {
      for (let i = 0; i < 5; i++) {
        const t = at();
        const audit = (name === "Bob" && i < 4) || (name === "Ann" && i === 0) ? [voidB] : [];
        const discounted = name === "Cy" && i === 0;
        await ok(s, "POST", "/api/v1/sales", {
          id: uuidv7(Date.parse(t)),
          tillId: "T1",
          at: t,
          cashierId: ids[name],
          lines: [{ code: "A", ...(discounted ? { discount: { percent: "10" } } : {}) }],
          tenders: [{ type: "cash", amountMinor: 1000 }],
          audit: discounted ? [{ action: "discount.given", detail: { code: "A", percent: "10" } }] : audit,
        });
      }
    }
    for (let i = 0; i < 3; i++) {
      const t = at();
      await ok(s, "POST", "/api/v1/returns", {
        id: uuidv7(Date.parse(t)),
        tillId: "T1",
        cashierId: ids.Bob,
        lines: [{ code: "B", qty: 1 }],
        tenders: [{ type: "cash", amountMinor: 250 }],
      });
    }
    const r = await ok<{
      rule: string;
      store: { salesCount: number; measures: Record<string, { count: number }> };
      cashiers: {
        name: string;
        outlier: boolean;
        flagged: string[];
        measures: Record<string, JsonObject>;
        ratios: Record<string, number>;
      }[];
    }>(s, "GET", "/api/v1/reports/loss-prevention?from=2026-03-02&to=2026-03-02");
    expect(r.rule).toContain("at least 2 times as often per sale");
    expect(r.store.salesCount).toBe(15);
    expect(r.store.measures.lineVoids?.count).toBe(5);
    expect(r.cashiers.map((c) => [c.name, c.outlier])).toEqual([
      ["Bob", true],
      ["Ann", false],
      ["Cy", false],
    ]);
    const bob = r.cashiers[0];
    expect(bob?.flagged).toEqual(["lineVoids", "returnsWithoutReceipt"]);
    expect(bob?.measures.lineVoids).toEqual({ count: 4, amountMinor: 1000, per100Sales: 80 });
    expect(bob?.measures.returnsWithoutReceipt).toMatchObject({ count: 3, amountMinor: 750 });
    expect(bob?.ratios.lineVoids).toBe(2.4);
    expect(r.cashiers[2]?.measures.discounts).toEqual({ count: 1, amountMinor: 100, per100Sales: 20 });

    const events = s.journalLength();
    for (const q of [
      "from=2026-03-03&to=2026-03-02",
      "from=2024-01-01&to=2026-03-02",
      "from=2026-03-02",
      "from=x&to=y",
    ]) {
      expect((await s.request("GET", `/api/v1/reports/loss-prevention?${q}`)).status).toBe(400);
    }
    expect(s.journalLength()).toBe(events);
  });
});
