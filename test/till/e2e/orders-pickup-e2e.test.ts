/**
 * The pick-up point end to end: a real `ringup store` and `ringup till` in an 80×24 tmux pane.
 * An order placed and prepaid through the store's API is found in today's orders (Ctrl+O),
 * opened by its barcode, changed with the customer at the counter (a line added, a quantity
 * changed), its balance paid in cash and the order collected; the store's history names the
 * till and cashier for each change. With the store gone, the screen says orders need it.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { businessDay } from "../../../src/core/business-day.ts";
import { uuidv7 } from "../../../src/core/ids.ts";
import { type StoreProcess, seedProducts, startStore } from "../../support/store-process.ts";
import { haveTmux, loggedInTill, type TmuxSession } from "../support/tmux.ts";

if (!haveTmux()) console.warn("orders pick-up end-to-end test skipped: tmux is not installed");

interface OrderDetail {
  number: number;
  status: string;
  totalMinor: number;
  balanceDueMinor: number;
  saleId: string | null;
  lines: { code: string; qtyMilli: number }[];
  history: { action: string; userId: string | null; tillId: string | null }[];
}

describe.if(haveTmux())("orders collected at the till", () => {
  let store: StoreProcess;
  let dir: string;
  let till: TmuxSession;
  const id = uuidv7();

  const send = async (path: string, body: unknown, method = "POST") => {
    const res = await store.api(`/api/v1${path}`, { method, body: JSON.stringify(body) });
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  const detail = async () => (await (await store.api(`/api/v1/orders/${id}`)).json()) as OrderDetail;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "ringup-orders-e2e-"));
    store = await startStore({ storeId: "S1" });
    await seedProducts(store, [
      { code: "MILK", name: "Milk 1l", priceMinor: 350, taxClass: null },
      { code: "BREAD", name: "Bread", priceMinor: 275, taxClass: null },
    ]);
    await send("/stock/documents", {
      id: uuidv7(),
      type: "receipt",
      post: true,
      lines: ["MILK", "BREAD"].map((code) => ({ code, qty: 20, unitCostMinor: 90 })),
    });
    await send("/orders", {
      id,
      customerId: "C-1042-Ada",
      pickupStore: "S1",
      slot: { date: businessDay(new Date(), "UTC"), from: "17:00", to: "18:00" },
      lines: [{ code: "MILK", qty: 3 }],
      prepaid: [{ type: "card", amountMinor: 500, ref: "shop-pay-1" }],
    });
    till = await loggedInTill(store, "T1", join(dir, "till"));
  }, 120_000);

  afterAll(async () => {
    await till?.[Symbol.asyncDispose]();
    await store?.[Symbol.asyncDispose]();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test("an order placed online is changed at the counter, its balance paid and the order collected", async () => {
    const placed = await detail();
    await till.keys("C-o");
    await till.waitFor("C-1042-Ada", "today's orders");
    // The order's barcode carries its number.
    await till.type(`ORD${placed.number}`);
    await till.keys("Enter");
    await till.waitFor(`Order ${placed.number} · C-1042-Ada`, "the order opened");
    await till.waitFor(/Balance due\s+\$?5\.50/, "the balance: 10.50 − 5.00 prepaid");

    await till.type("2*BREAD");
    await till.keys("Enter");
    await till.waitFor("Bread", "the bread added at the store");
    // The milk (line 1) down to 2.
    await till.keys("Up");
    await till.type("2*");
    await till.keys("Enter");
    await till.waitFor(/Balance due\s+\$?7\.50/, "the balance: 7.00 + 5.50 − 5.00");
    const changed = await detail();
    expect(changed.lines.map((l) => [l.code, l.qtyMilli])).toEqual([
      ["MILK", 2000],
      ["BREAD", 2000],
    ]);
    expect(changed.balanceDueMinor).toBe(750);

    await till.type("10");
    await till.keys("F10");
    await till.waitFor("Order collected", "the order collected");
    await till.waitFor("2.50", "the change");
    const collected = await detail();
    expect(collected.status).toBe("collected");
    expect(collected.saleId).not.toBeNull();
    const byTill = collected.history.filter((h) => h.action !== "placed");
    expect(byTill.map((h) => h.action)).toEqual(["lines_changed", "lines_changed", "collected"]);
    for (const h of byTill) {
      expect(h.tillId).toBe("T1");
      expect(h.userId).not.toBeNull();
    }

    // The store gone: the orders screen says they need it.
    await till.keys("Escape");
    await till.waitFor("No orders to collect today", "the list again, without the collected order");
    await till.keys("Escape");
    await till.waitFor((screen) => !screen.includes("Orders to collect"), "the sale screen");
    await store[Symbol.asyncDispose]();
    await till.keys("C-o");
    await till.waitFor("Orders need the store", "the offline message", 30_000);
  }, 120_000);
});
