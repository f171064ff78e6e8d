/**
 * Promo codes at a real till of a real chain (nats-server, head office, stores S1 and S2 linked
 * to head office's API; `ringup till` at S2 in an 80×24 tmux pane): a single-use code used at
 * store 1 is refused at store 2's till, in the cashier's words, and the sale goes on without it;
 * a multi-use code is accepted there (Ctrl+T), priced into the sale, and counted by head office
 * for S2 when the store records the sale.
 */

import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { rm } from "node:fs/promises";
import { uuidv7 } from "../../../src/core/ids.ts";
import { type Chain, startChain } from "../../replication/support/chain.ts";
import { waitFor } from "../../replication/support/wait.ts";
import { annAtTill, tillMeta } from "../support/till-at-store.ts";
import { haveTmux, type TmuxSession } from "../support/tmux.ts";

if (!haveTmux())
  console.warn("promo-code end-to-end test skipped: tmux is not installed (apt-get install tmux)");

interface RecordedSale {
  id: string;
  promotions?: { id: string; name: string; discountMinor: number }[];
}

describe.if(haveTmux())("a promo code at store 2's till", () => {
  let chain: Chain;
  let till: TmuxSession;
  let tillData: string;

  async function hqPost(path: string, body: unknown): Promise<void> {
    const res = await chain.hq.api(path, { method: "POST", body: JSON.stringify(body) });
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  }

  beforeAll(async () => {
    chain = await startChain({ storeIds: ["S1", "S2"], hqLink: true });
    await hqPost("/api/v1/promotions", {
      id: "welcome",
      name: "Welcome 1.00 off",
      code: "WELCOME1",
      reward: { kind: "amount", amountMinor: 100, on: "order" },
      maxUses: 1,
    });
    await hqPost("/api/v1/promotions", {
      id: "autumn",
      name: "Autumn 0.50 off",
      code: "AUTUMN",
      reward: { kind: "amount", amountMinor: 50, on: "order" },
      maxUses: 100,
    });
    ({ till, tillData } = await annAtTill(chain.store("S2"), "ringup-till-promo-codes-"));
    await waitFor(
      () => tillMeta(tillData, "promotions").includes("autumn") || null,
      "the promotions at S2's till",
    );
  }, 120_000);

  afterAll(async () => {
    await till?.[Symbol.asyncDispose]();
    await chain?.[Symbol.asyncDispose]();
    if (tillData) await rm(tillData, { recursive: true, force: true });
  });

  test("used at store 1, the single-use code is refused at store 2's till; a multi-use one applies", async () => {
    const used = await chain.store("S1").api("/api/v1/sales", {
      method: "POST",
      body: JSON.stringify({
        id: uuidv7(),
        tillId: "T1",
        lines: [{ code: "MILK" }],
        couponCodes: ["WELCOME1"],
        tenders: [{ type: "cash", amountMinor: 1_000 }],
      }),
    });
    expect(used.status).toBe(201);

    await till.type("MILK");
    await till.keys("Enter");
    await till.waitFor("Milk", "the line");
    await till.keys("C-t");
    await till.waitFor("Promo code", "the promo code prompt");
    await till.type("welcome1");
    await till.keys("Enter");
    await till.waitFor("already been used", "the refusal in the cashier's words");

    await till.keys("C-t");
    await till.waitFor("Promo code", "the promo code prompt again");
    await till.type("autumn");
    await till.keys("Enter");
    const screen = await till.waitFor("Code AUTUMN: Autumn 0.50 off", "the accepted code");
    expect(screen).toMatch(/Discount -0\.50/);

    await till.keys("F10");
    await till.waitFor("Payment", "the payment screen");
    await till.keys("Enter");
    await till.waitFor(/Sale (complete|done)|Change|Paid/, "the sale to complete");

    const from = new Date(Date.now() - 86_400_000).toISOString();
    const to = new Date(Date.now() + 86_400_000).toISOString();
    const [sale] = await waitFor(async () => {
      const res = await chain.store("S2").api(`/api/v1/sales?from=${from}&to=${to}&limit=10`);
      const { sales } = (await res.json()) as { sales: RecordedSale[] };
      return sales.length === 1 ? sales : null;
    }, "S2 to record the till's sale");
    expect(sale?.promotions).toEqual([{ id: "autumn", name: "Autumn 0.50 off", discountMinor: 50 }]);

    const report = await chain.hq.api("/api/v1/reports/promotion-codes");
    const { codes } = (await report.json()) as {
      codes: { code: string; uses: number; byStore: { storeId: string; uses: number }[] }[];
    };
    expect(codes.find((c) => c.code === "WELCOME1")).toMatchObject({
      uses: 1,
      byStore: [{ storeId: "S1", uses: 1 }],
    });
    expect(codes.find((c) => c.code === "AUTUMN")).toMatchObject({
      uses: 1,
      byStore: [{ storeId: "S2", uses: 1 }],
    });
  }, 90_000);
});
