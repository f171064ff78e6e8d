/**
 * A customer's card at the till, end to end on real processes (nats-server, head office, a store
 * linked to head office's API, and `ringup till` in an 80×24 tmux pane): a card issued at the
 * till goes on the sale and earns points at head office; scanned on the next sale it shows the
 * points, which then pay part of it; head office's balance equals its ledger.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import type { Chain } from "../../replication/support/chain.ts";
import { waitFor } from "../../replication/support/wait.ts";
import type { StoreProcess } from "../../support/store-process.ts";
import { LoyaltyChainTill } from "../support/till-at-store.ts";
import { haveTmux, type TmuxSession } from "../support/tmux.ts";

if (!haveTmux())
  console.warn("customer card end-to-end test skipped: tmux is not installed (apt-get install tmux)");

const CARD = "2990000000774";

describe.if(haveTmux())("a customer's card at the till", () => {
  let at: LoyaltyChainTill;
  let chain: Chain;
  let store: StoreProcess;
  let till: TmuxSession;

  async function cardAtHq(): Promise<{ points: number }> {
    return chain.hq.json<{ points: number }>(`/api/v1/cards/${CARD}`);
  }

  beforeAll(async () => {
    at = await LoyaltyChainTill.start("ringup-till-cards-");
    ({ chain, store, till } = at);
  }, 120_000);

  afterAll(async () => {
    await at?.[Symbol.asyncDispose]();
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
