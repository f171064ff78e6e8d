/**
 * `ringup admin report valuation|margin` and `ringup admin stock history` end to end: a real
 * `ringup store` process (average costing by default) and the admin CLI run against it.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { businessDay } from "../../src/core/business-day.ts";
import { uuidv7 } from "../../src/core/ids.ts";
import { runAdmin } from "../support/admin-cli.ts";
import { type StoreProcess, seedProducts, startStore } from "../support/store-process.ts";

const admin = (...args: string[]) => runAdmin(store, ...args);

async function api(method: string, path: string, body?: unknown): Promise<void> {
  const init: RequestInit = { method };
  if (body !== undefined) init.body = JSON.stringify(body);
  const res = await store.api(`/api/v1${path}`, init);
  expect(res.status).toBeLessThan(300);
}

let store: StoreProcess;
beforeAll(async () => {
  store = await startStore();
  await seedProducts(store, [{ code: "BREAD", name: "Rye bread", priceMinor: 350 }]);
}, 60_000);
afterAll(async () => {
  await store[Symbol.asyncDispose]();
}, 60_000);

describe("ringup admin costing", () => {
  test("history, valuation and margin of goods received at two costs and sold", async () => {
    const receive = (qty: number, unitCostMinor: number) =>
      api("POST", "/stock/adjustments", {
        code: "BREAD",
        qty,
        unitCostMinor,
        reason: "delivery",
        kind: "receive",
      });
    await receive(10, 100);
    await receive(10, 200);
    await api("POST", "/sales", {
      id: uuidv7(),
      tillId: "T1",
      lines: [{ code: "BREAD", qty: 15 }],
      tenders: [{ type: "card", amountMinor: 5250 }],
    });
    // average: 20 worth 30.00; 15 cost 22.50, 5 left worth 7.50
    const history = await admin("stock", "history", "BREAD");
    expect(history.stderr).toBe("");
    expect(history.stdout).toMatch(/sale\s+-15\s+22\.50/);
    const today = businessDay(new Date(), "UTC");
    const valuation = await admin("report", "valuation", "--at", today);
    expect(valuation.stdout).toContain("7.50");
    const margin = await admin("--json", "report", "margin", "--from", today, "--to", today);
    expect(margin.code).toBe(0);
    const rows = (JSON.parse(margin.stdout) as { rows: unknown[] }).rows;
    expect(rows).toEqual([{ key: "BREAD", qtySold: 15, netMinor: 5250, cogsMinor: 2250, marginMinor: 3000 }]);
    const bad = await admin("report", "margin", "--from", today);
    expect(bad.code).not.toBe(0);
  });
});
