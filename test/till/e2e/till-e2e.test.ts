/**
 * The till end to end, as a cashier uses it: `ringup till` in an 80×24 tmux pane against a
 * real `ringup store` process with the CORE-POS catalog. Log in, scan three items (one with
 * 3*), pay cash and see the change; the store has the sale. Then the store stops, two more
 * sales are completed offline, the store comes back, and each arrives exactly once.
 */

import { Database } from "bun:sqlite";
import { describe, expect, test } from "bun:test";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { TILL_DB_FILE } from "../../../src/till/data/db.ts";
import { adminOk } from "../../support/admin-cli.ts";
import { type StoreProcess, startStore } from "../../support/store-process.ts";
import { haveTmux, startTillInTmux, type TmuxSession } from "../support/tmux.ts";

const samples = resolve(import.meta.dir, "../../../../shared/data/corepos");
const haveSamples = existsSync(join(samples, "products.csv"));
if (!haveSamples) console.warn(`till end-to-end test skipped: no CORE-POS sample data at ${samples}`);
if (!haveTmux()) console.warn("till end-to-end test skipped: tmux is not installed (apt-get install tmux)");

interface Product {
  code: string;
  /** The store's product code (what the scanned code resolves to). */
  storeCode: string;
  name: string;
  priceMinor: number;
  soldByWeight: boolean;
  openPrice?: boolean;
}

interface RecordedSale {
  id: string;
  receiptNo: string;
  totalMinor: number;
  changeMinor: number;
  lines: { code: string; qty: number | string }[];
}

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

const admin = adminOk;

/** Three products of the catalog sold by the unit at a fixed price, as the store resolves them. */
async function pickProducts(store: StoreProcess): Promise<Product[]> {
  const rows = (await Bun.file(join(samples, "products.csv")).text()).split("\n").slice(0, 400);
  const picked: Product[] = [];
  for (const row of rows) {
    const upc = row.split(",")[0]?.replace(/"/g, "") ?? "";
    const code = upc.replace(/^0+/, "");
    if (code.length < 3 || code.length > 6) continue;
    const res = await store.api(`/api/v1/products/lookup?code=${code}`);
    if (!res.ok) continue;
    const { product } = (await res.json()) as { product: Product };
    if (product.soldByWeight || product.openPrice || product.priceMinor <= 0) continue;
    if (picked.some((p) => p.code === product.code)) continue;
    picked.push({ ...product, code, storeCode: product.code });
    if (picked.length === 3) return picked;
  }
  throw new Error(`found only ${picked.length} plain products in the sample catalog`);
}

async function storeSales(store: StoreProcess): Promise<RecordedSale[]> {
  const from = new Date(Date.now() - 86_400_000).toISOString();
  const to = new Date(Date.now() + 86_400_000).toISOString();
  const res = await store.api(`/api/v1/sales?from=${from}&to=${to}&limit=100`);
  if (!res.ok) throw new Error(`listing sales failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { sales: RecordedSale[] };
  return body.sales;
}

async function waitUntil<T>(
  read: () => Promise<T>,
  ok: (value: T) => boolean,
  what: string,
  timeoutMs: number,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await Bun.sleep(50);
  }
}

/** Scans a code; while the catalog is still syncing after the first start, tries again. */
/** Rings up `entry` once and waits for its line (the till knows the code: see tillKnows). */
async function scan(till: TmuxSession, entry: string, expect: string): Promise<void> {
  await till.type(entry);
  await till.keys("Enter");
  const screen = await till.waitFor(
    (s) => s.includes(expect) || /Unknown code/.test(s),
    `${entry} to be rung up`,
  );
  if (/Unknown code/.test(screen)) throw new Error(`the till did not know ${entry}:\n${screen}`);
}

/** Waits until the till's own catalog has the products (its first sync runs after log-in). */
async function tillKnows(tillData: string, products: readonly Product[]): Promise<void> {
  const file = join(tillData, TILL_DB_FILE);
  const marks = products.map(() => "?").join(",");
  await waitUntil(
    async () => {
      if (!existsSync(file)) return 0;
      const db = new Database(file, { readonly: true });
      try {
        return (
          db
            .query<{ n: number }, string[]>(`SELECT count(*) AS n FROM products WHERE code IN (${marks})`)
            .get(...products.map((p) => p.storeCode))?.n ?? 0
        );
      } catch {
        return 0; // not created yet
      } finally {
        db.close();
      }
    },
    (n) => n === products.length,
    "the till's catalog to have the products",
    60_000,
  );
}

function changeOnScreen(screen: string): string | undefined {
  return /Sale complete\. Change: (\$[\d,.]+)/.exec(screen)?.[1];
}

describe("till end to end", () => {
  test.if(haveSamples && haveTmux())(
    "sales online and offline reach the store exactly once",
    async () => {
      const port = await freePort();
      await using store = await startStore({ args: ["--port", String(port)] });
      const tillData = await mkdtemp(join(tmpdir(), "ringup-till-e2e-"));
      try {
        await admin(store, "import", "departments", join(samples, "departments.sql"), "--format", "corepos");
        await admin(store, "import", "products", join(samples, "products.csv"), "--format", "corepos");
        await admin(store, "user", "add", "--name", "Ann", "--role", "cashier", "--pin", "1234");
        const [a, b, c] = await pickProducts(store);
        if (!a || !b || !c) throw new Error("three products are needed");

        await using till = await startTillInTmux(store.url, "T1", tillData);
        await till.waitFor("Type your PIN", "the log-in screen");
        await till.type("1234");
        await till.keys("Enter");
        // No shift is open at T1: the cashier counts the float (two 100 notes) and opens one.
        await till.waitFor("count the opening float", "the float count");
        await till.type("2");
        await till.keys("Enter");
        await till.waitFor(/Opening float\s+\$200\.00/, "the float's sum");
        await till.keys("F10");
        await till.waitFor("Open the shift with a float of $200.00?", "the confirmation");
        await till.keys("Enter");
        await till.waitFor("Shift open with a float of $200.00", "the shift to open");
        await tillKnows(tillData, [a, b, c]);

        // Online: three items, one of them 3×, paid in cash.
        await scan(till, a.code, a.name.slice(0, 20));
        await scan(till, `3*${b.code}`, b.name.slice(0, 20));
        await scan(till, c.code, c.name.slice(0, 20));
        const lines = await till.screen();
        expect(lines).toMatch(
          new RegExp(`2 ${b.name.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}.*\\s3\\s`),
        );
        await till.keys("F10");
        await till.waitFor("Payment", "the payment screen");
        await till.type("100");
        await till.keys("Enter");
        const paid = await till.waitFor((s) => changeOnScreen(s) !== undefined, "the change");
        const change = changeOnScreen(paid) ?? "";
        const receiptNo = /Receipt (S1-T1-\d+)/.exec(paid)?.[1] ?? "";
        expect(receiptNo).not.toBe("");

        const first = await waitUntil(
          () => storeSales(store),
          (s) => s.length === 1,
          "the store to record the sale",
          30_000,
        );
        const sale = first[0];
        expect(sale?.receiptNo).toBe(receiptNo);
        expect(sale?.lines).toHaveLength(3);
        expect(Number(sale?.lines[1]?.qty)).toBe(3);
        expect(`$${((sale?.changeMinor ?? 0) / 100).toFixed(2)}`).toBe(change);
        expect((sale?.totalMinor ?? 0) + (sale?.changeMinor ?? 0)).toBe(10_000);

        // Offline: the store stops; two sales complete anyway and wait to be sent.
        await store.stop();
        const offline: string[] = [];
        for (const code of [a.code, c.code]) {
          await scan(till, code, code === a.code ? a.name.slice(0, 20) : c.name.slice(0, 20));
          await till.keys("F10");
          await till.waitFor("Payment", "the payment screen");
          await till.keys("Enter"); // exact cash
          const done = await till.waitFor(
            (s) => /Sale complete/.test(s) && !offline.some((r) => s.includes(`Receipt ${r}`)),
            "the offline sale to complete",
          );
          const no = /Receipt (S1-T1-\d+)/.exec(done)?.[1];
          if (no === undefined) throw new Error(`no receipt number on screen:\n${done}`);
          offline.push(no);
        }
        await till.waitFor("2 to send", "two sales waiting on the status bar", 30_000);

        // Back online: both arrive, once each.
        await store.restart();
        const all = await waitUntil(
          () => storeSales(store),
          (s) => s.length >= 3,
          "the offline sales",
          60_000,
        );
        await till.waitFor(
          (s) => !s.includes("to send") && s.includes("● online"),
          "the outbox to drain",
          30_000,
        );
        const final = await storeSales(store);
        expect(final.length).toBe(3);
        expect(all.map((s) => s.receiptNo).sort()).toEqual([receiptNo, ...offline].sort());
        expect(new Set(final.map((s) => s.id)).size).toBe(3);

        // Lock and quit from the log-in screen.
        await till.keys("F12");
        await till.waitFor("Type your PIN", "the lock");
        await till.keys("C-c");
        await till.waitFor("[exited 0]", "the till to exit", 15_000);
      } finally {
        await rm(tillData, { recursive: true, force: true });
      }
    },
    240_000,
  );
});
