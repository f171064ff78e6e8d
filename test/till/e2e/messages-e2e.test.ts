/**
 * Messages from head office at the compiled till (`ringup till` in an 80×24 tmux pane): a scan
 * message names the item on the status line, and a receipt text prints on the sale's receipt with
 * the sale's prize-draw code, which the store records with the sale.
 */
import { Database } from "bun:sqlite";
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { join } from "node:path";
import { prizeCodeOf } from "../../../src/core/messages/index.ts";
import { waitFor } from "../../replication/support/wait.ts";
import type { StoreProcess } from "../../support/store-process.ts";
import { ChainTill, tillMeta } from "../support/till-at-store.ts";
import { haveTmux } from "../support/tmux.ts";

if (!haveTmux())
  console.warn("messages end-to-end test skipped: tmux is not installed (apt-get install tmux)");

function storePrizeCodes(store: StoreProcess): { code: string; sale_id: string }[] {
  const db = new Database(join(store.dataDir, "store.db"), { readonly: true });
  try {
    return db.query<{ code: string; sale_id: string }, []>("SELECT code, sale_id FROM prize_codes").all();
  } finally {
    db.close();
  }
}

describe.if(haveTmux())("messages from head office at the till", () => {
  let at: ChainTill;

  beforeAll(async () => {
    at = await ChainTill.start(
      { id: "fragile", name: "Fragile" },
      { code: "VASE", name: "Glass vase", priceMinor: 1_200 },
      "ringup-till-messages-",
    );
  }, 120_000);

  afterAll(async () => {
    await at?.[Symbol.asyncDispose]();
  });

  test("a scan message on the status line; a receipt text with the prize-draw code, recorded at the store", async () => {
    await at.hq("/api/v1/messages", {
      id: "fragile-bag",
      when: { event: "scan", category: "fragile" },
      cashier: "Pack {item} in an extra bag",
    });
    await at.hq("/api/v1/messages", {
      id: "prize-draw",
      when: { event: "total", over: 1_000 },
      receipt: "Prize draw code {prizeCode}",
    });
    await waitFor(
      () => tillMeta(at.tillData, "promotions").includes("prize-draw"),
      "the messages at the till",
    );

    await at.till.type("VASE");
    await at.till.keys("Enter");
    await at.till.waitFor("Pack Glass vase in an extra bag", "the scan message on the status line");
    await at.till.keys("F10");
    await at.till.waitFor("Payment", "the payment screen");
    await at.till.keys("Enter");
    await at.till.waitFor(/Sale (complete|done)|Change|Paid/, "the sale to complete");

    const [recorded] = await waitFor(() => {
      const codes = storePrizeCodes(at.store);
      return codes.length === 1 ? codes : null;
    }, "the store to record the prize-draw code");
    expect(recorded?.code).toBe(prizeCodeOf(recorded?.sale_id ?? ""));

    await at.till.keys("F11");
    const receipt = await at.till.waitFor(
      `Prize draw code ${recorded?.code}`,
      "the receipt text on the receipt",
    );
    expect(receipt).toContain("Glass vase");
  }, 90_000);

  test("a customer whose birthday is today: the cashier is told with their name, the receipt greets them", async () => {
    // Today at the store (its time zone is UTC here), some years ago.
    const today = new Date().toISOString().slice(0, 10);
    const birthday = `1990-${today.slice(5)}`;
    for (const [path, body] of [
      ["/api/v1/customers", { id: "bea", name: "Bea Today", birthday }],
      ["/api/v1/cards", { number: "2990000000835", kind: "loyalty", customerId: "bea" }],
    ] as const) {
      const res = await at.chain.hq.api(path, { method: "POST", body: JSON.stringify(body) });
      expect(res.status).toBe(201);
    }
    await at.hq("/api/v1/messages", {
      id: "birthday",
      when: { event: "birthday" },
      cashier: "Wish {customer} a happy birthday",
      receipt: "Happy birthday, {customer}!",
    });
    await at.hq("/api/v1/messages", {
      id: "welcome",
      when: { event: "customer" },
      cashier: "Welcome {customer}",
    });
    await waitFor(
      () => tillMeta(at.tillData, "promotions").includes("Wish {customer}"),
      "the birthday message at the till",
    );
    await waitFor(
      async () => (await at.store.api("/api/v1/cards/2990000000835")).status === 200,
      "the card at the store",
    );

    // From the receipt the test before left on screen, back to a new sale.
    await at.till.keys("Escape");
    await at.till.waitFor("Code:", "the receipt closed");
    await at.till.type("VASE");
    await at.till.keys("Enter");
    await at.till.waitFor("Glass vase", "the vase on the sale");
    await at.till.type("2990000000835");
    await at.till.keys("Enter");
    await at.till.waitFor("Wish Bea Today a happy birthday", "the birthday message with her name");
    await at.till.waitFor("Welcome Bea Today", "the customer message");
    await at.till.keys("F10");
    await at.till.waitFor("Payment", "the payment screen");
    await at.till.keys("Enter");
    await at.till.waitFor(/Sale (complete|done)|Change|Paid/, "the sale to complete");
    await at.till.keys("F11");
    await at.till.waitFor("Happy birthday, Bea Today!", "the greeting on the receipt");
  }, 90_000);
});
