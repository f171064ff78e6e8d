/**
 * Quick on-site orders end to end: a real `ringup store` and the compiled till in an 80×24 tmux
 * pane with a network receipt printer. A basket rung on the sale screen becomes an order from
 * the orders screen (Ctrl+O, a pick-up time, F4: paid at collection), another one prepaid by
 * card (F7, no terminal connected: a standalone one); each is placed at the store with its stock
 * reserved and its history naming the till and cashier, shows in the list, has its slip with
 * its number printed, and is journaled; the basket is cleared.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { uuidv7 } from "../../../src/core/ids.ts";
import { waitFor } from "../../replication/support/wait.ts";
import { type StoreProcess, seedProducts } from "../../support/store-process.ts";
import { PrintingTill } from "../support/printing-till.ts";
import { haveTmux, type TmuxSession } from "../support/tmux.ts";

if (!haveTmux()) console.warn("quick order end-to-end test skipped: tmux is not installed");

interface OrderRow {
  id: string;
  number: number;
  status: string;
  totalMinor: number;
  balanceDueMinor: number;
  prepaid: { type: string; amountMinor: number }[];
  slot: { from: string; to: string } | null;
  lines: { code: string; qtyMilli: number }[];
}

describe.if(haveTmux())("quick orders at the pick-up point", () => {
  let fixture: PrintingTill;
  let store: StoreProcess;
  let till: TmuxSession;

  beforeAll(async () => {
    fixture = await PrintingTill.start(
      () => ({ storeId: "S1" }),
      async (store) => {
        await seedProducts(store, [
          { code: "MILK", name: "Milk 1l", priceMinor: 350, taxClass: null },
          { code: "BREAD", name: "Bread", priceMinor: 275, taxClass: null },
        ]);
        const res = await store.api("/api/v1/stock/documents", {
          method: "POST",
          body: JSON.stringify({
            id: uuidv7(),
            type: "receipt",
            post: true,
            lines: ["MILK", "BREAD"].map((code) => ({ code, qty: 20, unitCostMinor: 90 })),
          }),
        });
        expect(res.status).toBeLessThan(300);
      },
    );
    store = fixture.storeProcess;
    till = fixture.tmux;
  }, 120_000);

  afterAll(() => fixture?.[Symbol.asyncDispose]());

  const orders = async () =>
    ((await (await store.api("/api/v1/orders?limit=10")).json()) as { orders: OrderRow[] }).orders;
  const slips = () => fixture.printed();

  test("a basket becomes an order paid at pick-up, another one prepaid by card", async () => {
    await till.type("2*MILK");
    await till.keys("Enter");
    await till.waitFor("Milk 1l", "the line");
    await till.keys("C-o");
    await till.waitFor("F4: the basket becomes an order", "the orders screen with the basket");
    await till.waitFor("No orders to collect today", "the list loaded");
    await till.type("17:30");
    await till.keys("F4");
    await till.waitFor(/Order 1 placed: \$?7\.00 to pay at pick-up/, "the order placed");
    await till.waitFor(/1 +\(anonymous\) +17:30-18:30/, "the new order in the list");

    const [first] = await orders();
    expect(first).toMatchObject({
      number: 1,
      status: "placed",
      totalMinor: 700,
      balanceDueMinor: 700,
      prepaid: [],
      slot: { from: "17:30", to: "18:30" },
      lines: [{ code: "MILK", qtyMilli: 2000 }],
    });
    const stock = (await (await store.api("/api/v1/stock?code=MILK")).json()) as { reserved: number };
    expect(stock.reserved).toBe(2);
    const detail = (await (await store.api(`/api/v1/orders/${first?.id}`)).json()) as {
      history: { action: string; userId: string | null; tillId: string | null }[];
    };
    expect(detail.history).toMatchObject([{ action: "placed", tillId: "T1" }]);
    expect(detail.history[0]?.userId).not.toBeNull();
    const slip = await waitFor(async () => slips().find((s) => s.includes("ORDER 1")) ?? null, "the slip");
    expect(slip).toContain("ORD1");
    expect(slip).toContain("due at pick-up 7.00");

    // The basket is gone from the sale screen.
    await till.keys("Escape");
    await till.waitFor((screen) => !screen.includes("Orders to collect"), "the sale screen");
    expect(await till.screen()).not.toContain("Milk 1l");

    await till.type("BREAD");
    await till.keys("Enter");
    await till.waitFor("Bread", "the second basket");
    await till.keys("C-o");
    await till.waitFor("F4: the basket becomes an order", "the orders screen again");
    await till.waitFor("17:30-18:30", "the list loaded");
    await till.keys("F7");
    await till.waitFor(/Order 2 placed, \$?2\.75 paid by card/, "the prepaid order");
    const second = (await orders()).find((o) => o.number === 2);
    expect(second).toMatchObject({
      totalMinor: 275,
      balanceDueMinor: 0,
      prepaid: [{ type: "card", amountMinor: 275 }],
      lines: [{ code: "BREAD", qtyMilli: 1000 }],
    });
    const audit = await waitFor(async () => {
      const res = await store.api("/api/v1/audit?action=order.placed");
      const { entries } = (await res.json()) as { entries: { tillId: string | null }[] };
      return entries.length === 2 ? entries : null;
    }, "the till's trace of both orders");
    expect(audit.every((e) => e.tillId === "T1")).toBe(true);
  }, 120_000);
});
