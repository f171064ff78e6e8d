/**
 * The restaurant's service charge (`[restaurant] serviceChargePercent`, sold as the open-price
 * product `serviceChargeCode`): on the bill, on each check of a split, on the receipt and in the
 * sale as rung, taxed by the product's tax class; split by seat or by line, the charge of the
 * whole is shared between the checks with the largest-remainder method, so the checks add up to
 * the bill to the minor unit.
 */
import { afterEach, beforeEach, describe, expect, test } from "bun:test";
import { uuidv7 } from "../../src/core/ids.ts";
import type { TestStore } from "../support/store-app.ts";
import { restaurantStore } from "./restaurant-support.ts";
import { API } from "./sales-fixtures.ts";

interface DocLine {
  code: string;
  unitPriceMinor: number;
  taxClass: string | null;
  priceSource?: string;
}
interface Check {
  id: string;
  label: string;
  totalMinor: number;
  document: { lines: DocLine[]; taxMinor: number; totalMinor: number };
}
interface Order {
  id: string;
  checks: Check[];
}

const MENU = [
  { code: "SOUP", name: "Soup of the day", priceMinor: 650, taxClass: null },
  { code: "STEAK", name: "Steak frites", priceMinor: 1900, taxClass: null },
  { code: "XCHEESE", name: "Extra cheese", priceMinor: 150, taxClass: null },
  { code: "TEA", name: "Tea", priceMinor: 250, taxClass: null },
  { code: "SERVICE", name: "Service", priceMinor: 0, taxClass: "1" },
];

let store: TestStore;
let ann: { token: string; userId: string };

beforeEach(async () => {
  ({ store, ann } = await restaurantStore(
    { restaurant: { serviceChargePercent: "12.5", serviceChargeCode: "SERVICE" } },
    MENU,
  ));
});
afterEach(() => store.close());

async function ok<T = Order>(method: string, path: string, body: unknown): Promise<T> {
  const res = await store.request<T>(method, `${API}${path}`, body, ann.token);
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

const charge = (check: Check) =>
  check.document.lines.filter((l) => l.code === "SERVICE").reduce((sum, l) => sum + l.unitPriceMinor, 0);

/** An order at table 1: seat 1 a soup (6.50), seat 2 a steak with cheese (20.50), seat 3 a tea (2.50). */
async function orderOfThreeSeats(): Promise<string> {
  const order = await ok("POST", "/table-orders", { id: uuidv7(), tableId: "T1", guests: 3 });
  await ok("POST", `/table-orders/${order.id}/lines`, {
    lines: [
      { id: "l1", code: "SOUP", seat: 1 },
      { id: "l2", code: "STEAK", seat: 2, modifiers: ["XCHEESE"] },
      { id: "l3", code: "TEA", seat: 3 },
    ],
  });
  return order.id;
}

describe("the service charge of a table", () => {
  test("on the bill, the receipt and the sale as rung, taxed by its product's class", async () => {
    const id = await orderOfThreeSeats();
    const billed = await ok("POST", `/table-orders/${id}/bill`, undefined);
    const [check] = billed.checks as [Check];
    // 12.5% of 29.50 = 3.6875, rounded half up.
    expect(charge(check)).toBe(369);
    const line = check.document.lines.find((l) => l.code === "SERVICE");
    expect(line).toMatchObject({ taxClass: "1", priceSource: "open" });
    // Only the charge is taxed here (8.875% of 3.69 = 0.3275).
    expect(check.document.taxMinor).toBe(33);
    expect(check.totalMinor).toBe(2950 + 369 + 33);

    const saleId = uuidv7();
    await ok("POST", `/table-orders/${id}/checks/${check.id}/pay`, {
      saleId,
      tenders: [{ type: "card", amountMinor: check.totalMinor }],
    });
    const sale = await ok<{ lines: { code: string; unitPriceMinor: number }[]; totalMinor: number }>(
      "GET",
      `/sales/${saleId}`,
      undefined,
    );
    expect(sale.lines.find((l) => l.code === "SERVICE")?.unitPriceMinor).toBe(369);
    expect(sale.totalMinor).toBe(check.totalMinor);
    const receipt = await ok<{ text: string }>("GET", `/sales/${saleId}/receipt?format=json`, undefined);
    expect(receipt.text).toMatch(/Service.*3\.69/);
  });

  test("split by seat or by line, the checks share the bill's charge exactly (largest remainder)", async () => {
    const id = await orderOfThreeSeats();
    const bill = (await ok("POST", `/table-orders/${id}/bill`, undefined)).checks[0] as Check;
    const bySeat = (await ok("POST", `/table-orders/${id}/split`, { by: "seat" })).checks;
    // 369 on 650, 2050 and 250: 81.36…, 256.41…, 31.27… → 81, 257, 31 (the largest remainder gets the unit).
    expect(bySeat.map((c) => [c.label, charge(c)])).toEqual([
      ["Seat 1", 81],
      ["Seat 2", 257],
      ["Seat 3", 31],
    ]);
    expect(bySeat.reduce((sum, c) => sum + charge(c), 0)).toBe(charge(bill));
    const byLines = (
      await ok("POST", `/table-orders/${id}/split`, {
        by: "lines",
        groups: [["l1", "l3"], ["l2"]],
      })
    ).checks;
    expect(byLines.map(charge)).toEqual([113, 256]);
    const equal = (await ok("POST", `/table-orders/${id}/split`, { by: "equal", parts: 3 })).checks;
    expect(equal.map((c) => c.totalMinor)).toEqual([bill.totalMinor]);

    // Each check of the seats paid: the sales add up to the bill's goods and charge.
    const seats = (await ok("POST", `/table-orders/${id}/split`, { by: "seat" })).checks;
    let total = 0;
    for (const check of seats) {
      await ok("POST", `/table-orders/${id}/checks/${check.id}/pay`, {
        saleId: uuidv7(),
        tenders: [{ type: "cash", amountMinor: check.totalMinor }],
      });
      total += check.totalMinor;
    }
    const report = await store.request<{ totalMinor: number }>(
      "GET",
      `${API}/reports/daily?date=2026-03-02`,
      undefined,
      store.adminToken,
    );
    expect(report.body.totalMinor).toBe(total);
    expect(seats.reduce((sum, c) => sum + charge(c), 0)).toBe(369);
  });
});
