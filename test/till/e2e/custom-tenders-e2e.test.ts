/**
 * The shop's own tenders at the till, end to end on real processes (nats-server, head office, a
 * store, and `ringup till` in an 80×24 tmux pane): a tender defined at head office reaches the
 * till through the store; Ctrl+Y lists it, it pays part of a sale, the receipt prints its name
 * and the store records the sale with it under its id.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Chain, startChain } from "../../replication/support/chain.ts";
import { waitFor } from "../../replication/support/wait.ts";
import { adminOk } from "../../support/admin-cli.ts";
import type { StoreProcess } from "../../support/store-process.ts";
import { tillMeta } from "../support/till-at-store.ts";
import { haveTmux, startTillInTmux, type TmuxSession } from "../support/tmux.ts";

if (!haveTmux())
  console.warn("custom tenders end-to-end test skipped: tmux is not installed (apt-get install tmux)");

describe.if(haveTmux())("the shop's own tenders at the till", () => {
  let chain: Chain;
  let store: StoreProcess;
  let tillData: string;
  let till: TmuxSession;

  async function hq(path: string, body: unknown): Promise<void> {
    const res = await chain.hq.api(path, { method: "POST", body: JSON.stringify(body) });
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  }

  beforeAll(async () => {
    chain = await startChain({ storeIds: [], seed: false });
    store = await chain.addStore("S1", { seed: false });
    await hq("/api/v1/products", { code: "OJ", name: "Orange juice", priceMinor: 300, taxClass: null });
    await hq("/api/v1/tenders", { id: "meal_ticket", name: "Meal ticket", changeAllowed: false });
    await waitFor(async () => {
      const res = await store.api("/api/v1/tenders");
      return ((await res.json()) as { tenders: unknown[] }).tenders.length === 1;
    }, "the tender at the store");
    await waitFor(
      async () => (await store.api("/api/v1/products/OJ")).status === 200,
      "the juice at the store",
    );
    await adminOk(store, "user", "add", "--name", "Ann", "--role", "cashier", "--pin", "1234");
    await adminOk(store, "shift", "open", "--till", "T1", "--float", "100");
    tillData = await mkdtemp(join(tmpdir(), "ringup-till-tenders-"));
    till = await startTillInTmux(store.url, "T1", tillData);
    await till.type("1234");
    await till.keys("Enter");
    await till.waitFor("Hello, Ann", "the log-in");
    await waitFor(
      () => tillMeta(tillData, "customTenders").includes("meal_ticket"),
      "the tender at the till",
    );
  }, 120_000);

  afterAll(async () => {
    await till?.[Symbol.asyncDispose]();
    await chain?.[Symbol.asyncDispose]();
    if (tillData) await rm(tillData, { recursive: true, force: true });
  });

  test("Ctrl+Y pays part with a meal ticket; the receipt names it and the store records it", async () => {
    await till.type("OJ");
    await till.keys("Enter");
    await till.waitFor("Orange juice", "the juice on the sale");
    await till.keys("F10");
    await till.waitFor("Payment", "the payment screen");
    await till.type("4.00");
    await till.keys("C-y");
    await till.waitFor("1 Meal ticket", "the list of the shop's tenders");
    await till.type("1");
    await till.keys("Enter");
    await till.waitFor("This tender gives no change", "the refusal of change from a meal ticket");
    await till.type("2.00");
    await till.keys("C-y");
    await till.waitFor("Pay $2.00 with: 1 Meal ticket", "the list for 2.00");
    await till.type("1");
    await till.keys("Enter");
    await till.waitFor(/Meal ticket\s+\$2\.00/, "the meal ticket on the sale, by name");
    await till.keys("Enter");
    await till.waitFor("Sale complete", "the sale completed");
    await till.keys("F11");
    await till.waitFor(/Meal ticket\s+2\.00/, "the receipt naming the meal ticket");
    const sales = await waitFor(async () => {
      const res = await store.api("/api/v1/sales?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z");
      const body = (await res.json()) as { sales: { tenders: unknown[] }[] };
      return body.sales.length === 1 ? body.sales : null;
    }, "the sale at the store");
    expect(sales[0]?.tenders).toEqual([
      { type: "meal_ticket", amountMinor: 200 },
      { type: "cash", amountMinor: 100 },
    ]);
  }, 120_000);
});
