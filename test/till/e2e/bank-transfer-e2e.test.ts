/**
 * Bank transfer at the till, end to end: a real `ringup store` and `ringup till` in an 80×24
 * tmux pane. In payment, F8 pays part of a sale by bank transfer (more than is due is refused),
 * cash pays the rest, the receipt names the transfer and the store records the sale with it.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { waitFor } from "../../replication/support/wait.ts";
import { type StoreProcess, seedProducts, startStore } from "../../support/store-process.ts";
import { haveTmux, loggedInTill, type TmuxSession } from "../support/tmux.ts";

if (!haveTmux()) console.warn("bank transfer end-to-end test skipped: tmux is not installed");

describe.if(haveTmux())("bank transfer at the till", () => {
  let store: StoreProcess;
  let dir: string;
  let till: TmuxSession;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "ringup-bank-transfer-e2e-"));
    store = await startStore({ storeId: "S1" });
    await seedProducts(store, [{ code: "CHAIR", name: "Chair", priceMinor: 4500, taxClass: null }]);
    till = await loggedInTill(store, "T1", join(dir, "till"));
  }, 120_000);

  afterAll(async () => {
    await till?.[Symbol.asyncDispose]();
    await store?.[Symbol.asyncDispose]();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test("F8 in payment pays by bank transfer; the store records the tender", async () => {
    await till.type("CHAIR");
    await till.keys("Enter");
    await till.waitFor("Chair", "the chair on the sale");
    await till.keys("F10");
    await till.waitFor("F8: transfer", "the payment screen's hint");
    await till.type("50");
    await till.keys("F8");
    await till.waitFor("This tender gives no change", "a transfer over the amount due refused");
    await till.type("40");
    await till.keys("F8");
    await till.waitFor(/Bank transfer\s+\$40\.00/, "the transfer on the sale");
    await till.keys("Enter");
    await till.waitFor("Sale complete", "the rest paid in cash");
    await till.keys("F11");
    await till.waitFor(/Bank transfer\s+40\.00/, "the receipt naming the transfer");
    const sales = await waitFor(async () => {
      const res = await store.api("/api/v1/sales?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z");
      const body = (await res.json()) as { sales: { tenders: unknown[] }[] };
      return body.sales.length === 1 ? body.sales : null;
    }, "the sale at the store");
    expect(sales[0]?.tenders).toEqual([
      { type: "bank_transfer", amountMinor: 4000 },
      { type: "cash", amountMinor: 500 },
    ]);
  }, 120_000);
});
