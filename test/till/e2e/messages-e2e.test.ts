/**
 * Messages from head office at the compiled till (`ringup till` in an 80×24 tmux pane): a scan
 * message names the item on the status line, and a receipt text prints on the sale's receipt with
 * the sale's prize-draw code, which the store records with the sale.
 */
import { Database } from "bun:sqlite";
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { prizeCodeOf } from "../../../src/core/messages/index.ts";
import { TILL_DB_FILE } from "../../../src/till/data/db.ts";
import { type Chain, startChain } from "../../replication/support/chain.ts";
import { waitFor } from "../../replication/support/wait.ts";
import { adminOk } from "../../support/admin-cli.ts";
import type { StoreProcess } from "../../support/store-process.ts";
import { haveTmux, startTillInTmux, type TmuxSession } from "../support/tmux.ts";

if (!haveTmux())
  console.warn("messages end-to-end test skipped: tmux is not installed (apt-get install tmux)");

/** What the till keeps of the store's promotions and messages (JSON), or "" before its first sync. */
function tillKept(tillData: string): string {
  const file = join(tillData, TILL_DB_FILE);
  if (!existsSync(file)) return "";
  const db = new Database(file, { readonly: true });
  try {
    return (
      db.query<{ value: string }, []>("SELECT value FROM meta WHERE key = 'promotions'").get()?.value ?? ""
    );
  } catch {
    return "";
  } finally {
    db.close();
  }
}

function storePrizeCodes(store: StoreProcess): { code: string; sale_id: string }[] {
  const db = new Database(join(store.dataDir, "store.db"), { readonly: true });
  try {
    return db.query<{ code: string; sale_id: string }, []>("SELECT code, sale_id FROM prize_codes").all();
  } finally {
    db.close();
  }
}

describe.if(haveTmux())("messages from head office at the till", () => {
  let chain: Chain;
  let store: StoreProcess;
  let tillData: string;
  let till: TmuxSession;

  async function hq(path: string, body: unknown): Promise<void> {
    const res = await chain.hq.api(path, { method: "POST", body: JSON.stringify(body) });
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  }

  beforeAll(async () => {
    chain = await startChain({ storeIds: ["S1"], seed: false });
    store = chain.store("S1");
    await hq("/api/v1/categories", { id: "fragile", name: "Fragile" });
    await hq("/api/v1/products", {
      code: "VASE",
      name: "Glass vase",
      priceMinor: 1_200,
      taxClass: null,
      category: "fragile",
    });
    await waitFor(
      async () => (await store.api("/api/v1/products/VASE")).status === 200,
      "the vase at the store",
    );
    await adminOk(store, "user", "add", "--name", "Ann", "--role", "cashier", "--pin", "1234");
    await adminOk(store, "shift", "open", "--till", "T1", "--float", "100");
    tillData = await mkdtemp(join(tmpdir(), "ringup-till-messages-"));
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

  test("a scan message on the status line; a receipt text with the prize-draw code, recorded at the store", async () => {
    await hq("/api/v1/messages", {
      id: "fragile-bag",
      when: { event: "scan", category: "fragile" },
      cashier: "Pack {item} in an extra bag",
    });
    await hq("/api/v1/messages", {
      id: "prize-draw",
      when: { event: "total", over: 1_000 },
      receipt: "Prize draw code {prizeCode}",
    });
    await waitFor(() => tillKept(tillData).includes("prize-draw"), "the messages at the till");

    await till.type("VASE");
    await till.keys("Enter");
    await till.waitFor("Pack Glass vase in an extra bag", "the scan message on the status line");
    await till.keys("F10");
    await till.waitFor("Payment", "the payment screen");
    await till.keys("Enter");
    await till.waitFor(/Sale (complete|done)|Change|Paid/, "the sale to complete");

    const [recorded] = await waitFor(() => {
      const codes = storePrizeCodes(store);
      return codes.length === 1 ? codes : null;
    }, "the store to record the prize-draw code");
    expect(recorded?.code).toBe(prizeCodeOf(recorded?.sale_id ?? ""));

    await till.keys("F11");
    const receipt = await till.waitFor(
      `Prize draw code ${recorded?.code}`,
      "the receipt text on the receipt",
    );
    expect(receipt).toContain("Glass vase");
  }, 90_000);
});
