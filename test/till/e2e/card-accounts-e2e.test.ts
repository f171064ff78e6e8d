/**
 * Store credit and charge on account at the till, end to end on real processes (nats-server,
 * head office, a store linked to head office's API, and `ringup till` in an 80×24 tmux pane):
 * with the customer's card on the sale, Ctrl+V takes part from the card's store credit and
 * charges the rest to the customer's house account; head office has both. A charge over the
 * credit limit is refused in the cashier's words and nothing is taken.
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
  console.warn("card accounts end-to-end test skipped: tmux is not installed (apt-get install tmux)");

const CARD = "2990000000811";
const CUSTOMER = "cust-ana";

describe.if(haveTmux())("store credit and charge on account at the till", () => {
  let chain: Chain;
  let store: StoreProcess;
  let tillData: string;
  let till: TmuxSession;

  async function hq(method: string, path: string, body: unknown): Promise<void> {
    const res = await chain.hq.api(path, { method, body: JSON.stringify(body) });
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
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
    await hq("POST", "/api/v1/customers", { id: CUSTOMER, name: "Ana Lima" });
    await hq("POST", "/api/v1/cards", { number: CARD, kind: "loyalty", customerId: CUSTOMER });
    await hq("POST", "/api/v1/accounts/adjustments", {
      key: "credit",
      card: CARD,
      amountMinor: 100,
      reason: "store credit",
    });
    await hq("PUT", `/api/v1/customers/${CUSTOMER}/account`, { creditLimitMinor: 300 });
    await waitFor(
      async () => (await store.api("/api/v1/products/OJ")).status === 200,
      "the juice at the store",
    );
    await waitFor(async () => {
      const res = await store.api(`/api/v1/cards/${CARD}`);
      return res.status === 200 && ((await res.json()) as { balanceMinor: number }).balanceMinor === 100;
    }, "the card with its store credit at the store");
    await adminOk(store, "user", "add", "--name", "Ann", "--role", "cashier", "--pin", "1234");
    await adminOk(store, "shift", "open", "--till", "T1", "--float", "100");
    tillData = await mkdtemp(join(tmpdir(), "ringup-till-accounts-"));
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

  test("store credit pays part, the house account the rest; over the limit is refused", async () => {
    await till.type("OJ");
    await till.keys("Enter");
    await till.waitFor("Orange juice", "the juice on the sale");
    await till.type(CARD);
    await till.keys("Enter");
    await till.waitFor("Ana Lima", "the customer on the sale");
    await till.keys("F10");
    await till.waitFor("Payment", "the payment screen");
    await till.type("1.00");
    await till.keys("C-v");
    await till.waitFor("1 store credit", "the store credit and account menu");
    await till.type("1");
    await till.keys("Enter");
    await till.waitFor(/Paid\s+\$1\.00/, "the store credit tender on the sale");
    await till.keys("C-v");
    await till.waitFor("Pay $2.00: 1 store credit (has $0.00)", "the menu for the rest");
    await till.type("2");
    await till.keys("Enter");
    await waitFor(async () => {
      const account = await chain.hq.json<{ owedMinor: number }>(`/api/v1/customers/${CUSTOMER}/account`);
      return account.owedMinor === 200;
    }, "the charge on the account at head office");
    expect((await chain.hq.json<{ balanceMinor: number }>(`/api/v1/cards/${CARD}`)).balanceMinor).toBe(0);

    // 2.00 owed of 3.00: another juice on account is over the limit.
    await till.type("OJ");
    await till.keys("Enter");
    await till.waitFor("Orange juice", "the next sale");
    await till.type(CARD);
    await till.keys("Enter");
    await till.waitFor("Ana Lima", "the customer on the next sale");
    await till.keys("F10");
    await till.waitFor("Payment", "the payment screen");
    await till.keys("C-v");
    await till.waitFor("1 store credit", "the menu");
    await till.type("2");
    await till.keys("Enter");
    await till.waitFor("Over the customer's credit limit", "the refusal in the cashier's words");
    const account = await chain.hq.json<{ owedMinor: number; heldMinor: number }>(
      `/api/v1/customers/${CUSTOMER}/account`,
    );
    expect(account).toMatchObject({ owedMinor: 200, heldMinor: 0 });
  }, 120_000);
});
