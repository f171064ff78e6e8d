/**
 * A promotion created at head office reaches a store over NATS and a till (`ringup till` in an
 * 80×24 tmux pane) through the store, and applies to the next sale: the till shows it by name
 * with the discount, and the store records the sale as rung with the promotion named.
 */
import { Database } from "bun:sqlite";
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TILL_DB_FILE } from "../../../src/till/data/db.ts";
import { type Chain, startChain } from "../../replication/support/chain.ts";
import { waitFor } from "../../replication/support/wait.ts";
import { adminOk } from "../../support/admin-cli.ts";
import type { StoreProcess } from "../../support/store-process.ts";
import { haveTmux, startTillInTmux, type TmuxSession } from "../support/tmux.ts";

if (!haveTmux())
  console.warn("promotions end-to-end test skipped: tmux is not installed (apt-get install tmux)");

interface RecordedSale {
  id: string;
  totalMinor: number;
  promotions?: { id: string; name: string; discountMinor: number }[];
  lines: { code: string; discountMinor: number; totalMinor: number }[];
}

/** The promotions the till keeps in its own file (JSON), or "" before its first sync of them. */
function tillPromotions(tillData: string): string {
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

describe.if(haveTmux())("a promotion from head office at the till", () => {
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
    await hq("/api/v1/categories", { id: "drinks", name: "Drinks" });
    await hq("/api/v1/products", {
      code: "OJ",
      name: "Orange juice",
      priceMinor: 300,
      taxClass: null,
      category: "drinks",
    });
    await waitFor(
      async () => (await store.api("/api/v1/products/OJ")).status === 200,
      "the juice at the store",
    );
    await adminOk(store, "user", "add", "--name", "Ann", "--role", "cashier", "--pin", "1234");
    await adminOk(store, "shift", "open", "--till", "T1", "--float", "100");
    tillData = await mkdtemp(join(tmpdir(), "ringup-till-promotions-"));
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

  test("created at head office, it reaches the till and the next sale gets it, named", async () => {
    await hq("/api/v1/promotions", {
      id: "drinks-3for2",
      name: "Drinks 3 for 2",
      reward: { kind: "multibuy", buy: 2, get: 1, percent: 100, categories: ["drinks"] },
    });
    await waitFor(() => tillPromotions(tillData).includes("drinks-3for2"), "the promotion at the till");

    await till.type("3*OJ");
    await till.keys("Enter");
    const screen = await till.waitFor("Drinks 3 for 2", "the promotion on the sale screen");
    expect(screen).toMatch(/Discount -3\.00/);
    expect(screen).toMatch(/6\.00/);
    await till.keys("F10");
    await till.waitFor("Payment", "the payment screen");
    await till.keys("Enter");
    await till.waitFor(/Sale (complete|done)|Change|Paid/, "the sale to complete");

    const from = new Date(Date.now() - 86_400_000).toISOString();
    const to = new Date(Date.now() + 86_400_000).toISOString();
    const [sale] = await waitFor(async () => {
      const res = await store.api(`/api/v1/sales?from=${from}&to=${to}&limit=10`);
      const { sales } = (await res.json()) as { sales: RecordedSale[] };
      return sales.length === 1 ? sales : null;
    }, "the store to record the sale");
    expect(sale?.promotions).toEqual([{ id: "drinks-3for2", name: "Drinks 3 for 2", discountMinor: 300 }]);
    expect(sale?.totalMinor).toBe(600);
    expect(sale?.lines[0]).toMatchObject({ code: "OJ", discountMinor: 300, totalMinor: 600 });
  }, 90_000);
});
