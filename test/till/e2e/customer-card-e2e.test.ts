/**
 * A customer's card at the till, end to end on real processes (nats-server, head office, a store
 * linked to head office's API, and `ringup till` in an 80×24 tmux pane): a card issued at the
 * till goes on the sale and earns points at head office; scanned on the next sale it shows the
 * points, which then pay part of it; head office's balance equals its ledger.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Chain, startChain } from "../../replication/support/chain.ts";
import { waitFor } from "../../replication/support/wait.ts";
import { adminOk } from "../../support/admin-cli.ts";
import type { StoreProcess } from "../../support/store-process.ts";
import { haveTmux, startTillInTmux, type TmuxSession } from "../support/tmux.ts";

if (!haveTmux())
  console.warn("customer card end-to-end test skipped: tmux is not installed (apt-get install tmux)");

const CARD = "2990000000774";

describe.if(haveTmux())("a customer's card at the till", () => {
  let chain: Chain;
  let store: StoreProcess;
  let tillData: string;
  let till: TmuxSession;

  async function hq(method: string, path: string, body: unknown): Promise<void> {
    const res = await chain.hq.api(path, { method, body: JSON.stringify(body) });
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  }

  async function cardAtHq(): Promise<{ points: number }> {
    return chain.hq.json<{ points: number }>(`/api/v1/cards/${CARD}`);
  }

  beforeAll(async () => {
    chain = await startChain({ storeIds: [], seed: false });
    store = await chain.addStore("S1", { seed: false, hqLink: true });
    await hq("PUT", "/api/v1/loyalty", { earn: { points: 1, perAmountMinor: 100 }, pointValueMinor: 1 });
    await hq("POST", "/api/v1/products", {
      code: "OJ",
      name: "Orange juice",
      priceMinor: 300,
      taxClass: null,
    });
    await waitFor(
      async () => (await store.api("/api/v1/products/OJ")).status === 200,
      "the juice at the store",
    );
    await adminOk(store, "user", "add", "--name", "Ann", "--role", "cashier", "--pin", "1234");
    await adminOk(store, "shift", "open", "--till", "T1", "--float", "100");
    tillData = await mkdtemp(join(tmpdir(), "ringup-till-cards-"));
    till = await startTillInTmux(store.url, "T1", tillData);
    await till.type("1234");
    await till.keys("Enter");
    await till.waitFor("Hello, Ann", "the log-in");
  }, 120_000);

  afterAll(async () => {
    await till?.[Symbol.asyncDispose]();
    await chain?.[Symbol.asyncDispose]();
    if (tillData) await rm(tillData, { recursive: true, force: true });
  });

  test("issue a card at the till, earn with it, then pay with its points", async () => {
    await till.type("10*OJ");
    await till.keys("Enter");
    await till.waitFor("30.00", "the juice on the sale");
    await till.keys("C-l");
    await till.waitFor("Customer card", "the clients service prompt");
    await till.type(`+${CARD}`);
    await till.keys("Enter");
    await till.waitFor(`Card ${CARD} issued`, "the card issued at the till");
    await till.keys("F10");
    await till.waitFor("Payment", "the payment screen");
    await till.keys("Enter");
    await waitFor(async () => (await cardAtHq()).points === 30, "30 points earned at head office");

    // The store's copy learns the balance from head office; scanned, the card shows it.
    await waitFor(async () => {
      const res = await store.api(`/api/v1/cards/${CARD}`);
      return res.status === 200 && ((await res.json()) as { points: number }).points === 30;
    }, "the points at the store");
    await till.type("OJ");
    await till.keys("Enter");
    await till.waitFor("Orange juice", "the next sale");
    await till.type(CARD);
    await till.keys("Enter");
    await till.waitFor("30 points", "the scanned card with its points");
    await till.keys("F10");
    await till.waitFor("Payment", "the payment screen");
    await till.type("0.30");
    await till.keys("C-p");
    await till.waitFor(/0\.30/, "the points tender");
    await till.keys("Enter");
    // 30 points redeemed; 2.70 paid in cash earns 2.
    await waitFor(
      async () => (await cardAtHq()).points === 2,
      "the points redeemed and earned at head office",
    );
    const ledger = await chain.hq.json<{ entries: { unit: string; type: string; amount: number }[] }>(
      `/api/v1/cards/${CARD}/ledger`,
    );
    expect(ledger.entries.map((e) => `${e.type}:${e.amount}`)).toEqual(["earn:30", "redeem:-30", "earn:2"]);
  }, 120_000);
});
