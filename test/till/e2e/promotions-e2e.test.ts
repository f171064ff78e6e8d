/**
 * A promotion created at head office reaches a store over NATS and a till (`ringup till` in an
 * 80×24 tmux pane) through the store, and applies to the next sale: the till shows it by name
 * with the discount, and the store records the sale as rung with the promotion named.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { waitFor } from "../../replication/support/wait.ts";
import { ChainTill, tillMeta } from "../support/till-at-store.ts";
import { haveTmux } from "../support/tmux.ts";

if (!haveTmux())
  console.warn("promotions end-to-end test skipped: tmux is not installed (apt-get install tmux)");

interface RecordedSale {
  id: string;
  totalMinor: number;
  promotions?: { id: string; name: string; discountMinor: number }[];
  lines: { code: string; discountMinor: number; totalMinor: number }[];
}

describe.if(haveTmux())("a promotion from head office at the till", () => {
  let at: ChainTill;

  beforeAll(async () => {
    at = await ChainTill.start(
      { id: "drinks", name: "Drinks" },
      { code: "OJ", name: "Orange juice", priceMinor: 300 },
      "ringup-till-promotions-",
    );
  }, 120_000);

  afterAll(async () => {
    await at?.[Symbol.asyncDispose]();
  });

  test("created at head office, it reaches the till and the next sale gets it, named", async () => {
    await at.hq("/api/v1/promotions", {
      id: "drinks-3for2",
      name: "Drinks 3 for 2",
      reward: { kind: "multibuy", buy: 2, get: 1, percent: 100, categories: ["drinks"] },
    });
    await waitFor(
      () => tillMeta(at.tillData, "promotions").includes("drinks-3for2"),
      "the promotion at the till",
    );

    await at.till.type("3*OJ");
    await at.till.keys("Enter");
    const screen = await at.till.waitFor("Drinks 3 for 2", "the promotion on the sale screen");
    expect(screen).toMatch(/Discount -3\.00/);
    expect(screen).toMatch(/6\.00/);
    await at.till.keys("F10");
    await at.till.waitFor("Payment", "the payment screen");
    await at.till.keys("Enter");
    await at.till.waitFor(/Sale (complete|done)|Change|Paid/, "the sale to complete");

    const from = new Date(Date.now() - 86_400_000).toISOString();
    const to = new Date(Date.now() + 86_400_000).toISOString();
    const [sale] = await waitFor(async () => {
      const res = await at.store.api(`/api/v1/sales?from=${from}&to=${to}&limit=10`);
      const { sales } = (await res.json()) as { sales: RecordedSale[] };
      return sales.length === 1 ? sales : null;
    }, "the store to record the sale");
    expect(sale?.promotions).toEqual([{ id: "drinks-3for2", name: "Drinks 3 for 2", discountMinor: 300 }]);
    expect(sale?.totalMinor).toBe(600);
    expect(sale?.lines[0]).toMatchObject({ code: "OJ", discountMinor: 300, totalMinor: 600 });
  }, 90_000);
});
