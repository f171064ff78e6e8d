/**
 * Open rings and age-restricted items end to end: `ringup till` in an 80×24 tmux pane against
 * a real `ringup store` process. A cashier rings an amount to a department (Ctrl+D), above its
 * limit first (refused), then within it; and rings an ale that needs 21: refused first (not
 * added), then confirmed. The store records the open ring with its department and no exception,
 * and its audit log has both age checks from the till.
 */

import { Database } from "bun:sqlite";
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TILL_DB_FILE } from "../../../src/till/data/db.ts";
import { adminOk } from "../../support/admin-cli.ts";
import { ringupCommand, type StoreProcess, startStore } from "../../support/store-process.ts";
import { haveTmux, TmuxSession } from "../support/tmux.ts";

if (!haveTmux())
  console.warn("open-ring end-to-end test skipped: tmux is not installed (apt-get install tmux)");

interface RecordedSale {
  id: string;
  totalMinor: number;
  lines: { code: string; name: string; department: string | null; totalMinor: number }[];
}

const admin = adminOk;

async function post(store: StoreProcess, path: string, body: unknown): Promise<void> {
  const res = await store.api(path, { method: "POST", body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`POST ${path} failed: ${res.status} ${await res.text()}`);
}

async function get<T>(store: StoreProcess, path: string): Promise<T> {
  const res = await store.api(path);
  if (!res.ok) throw new Error(`GET ${path} failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function waitUntil<T>(
  read: () => Promise<T> | T,
  ok: (value: T) => boolean,
  what: string,
  timeoutMs = 30_000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await Bun.sleep(50);
  }
}

/** What the till's own file holds: its departments and whether it has a product. */
function tillHas(tillData: string, code: string): { departments: boolean; product: boolean } {
  const file = join(tillData, TILL_DB_FILE);
  if (!existsSync(file)) return { departments: false, product: false };
  const db = new Database(file, { readonly: true });
  try {
    const departments = db
      .query<{ value: string }, []>("SELECT value FROM meta WHERE key = 'departments'")
      .get();
    const product = db
      .query<{ n: number }, [string]>("SELECT count(*) AS n FROM products WHERE code = ?")
      .get(code);
    return { departments: (departments?.value ?? "").includes("PRODUCE"), product: (product?.n ?? 0) > 0 };
  } catch {
    return { departments: false, product: false };
  } finally {
    db.close();
  }
}

async function storeSales(store: StoreProcess): Promise<RecordedSale[]> {
  const from = new Date(Date.now() - 86_400_000).toISOString();
  const to = new Date(Date.now() + 86_400_000).toISOString();
  return (await get<{ sales: RecordedSale[] }>(store, `/api/v1/sales?from=${from}&to=${to}&limit=100`)).sales;
}

/**
 * Types an answer as a hand does: the letters show on the input line before Enter (text and
 * Enter in one burst is a scanner's, which a question refuses).
 */
async function answer(till: TmuxSession, text: string): Promise<void> {
  await till.type(text);
  await till.waitFor(`${text}▌`, `"${text}" on the input line`);
  await till.keys("Enter");
}

async function payExactCash(till: TmuxSession, sales: number): Promise<void> {
  await till.keys("F10");
  await till.waitFor("Payment", "the payment screen");
  await till.keys("Enter");
  await till.waitFor(/Sale (complete|done)|Change/, `sale ${sales} to complete`);
}

describe.if(haveTmux())("open rings and age checks at the till", () => {
  let store: StoreProcess;
  let tillData: string;
  let till: TmuxSession;

  beforeAll(async () => {
    store = await startStore();
    tillData = await mkdtemp(join(tmpdir(), "ringup-till-open-ring-"));
    await post(store, "/api/v1/departments", {
      id: "2",
      name: "PRODUCE",
      openRingMaxMinor: 5000,
      openRingMinMinor: 1,
    });
    await post(store, "/api/v1/departments", { id: "14", name: "BEER", taxClass: "1", minAge: 21 });
    await post(store, "/api/v1/products", {
      code: "ALE",
      name: "Pale ale",
      priceMinor: 299,
      taxClass: "1",
      department: "14",
    });
    await admin(store, "user", "add", "--name", "Ann", "--role", "cashier", "--pin", "1234");
    await admin(store, "shift", "open", "--till", "T1", "--float", "100");
    const env = {
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      HOME: process.env.HOME ?? "/tmp",
      TERM: "screen",
    };
    const argv = [...ringupCommand(), "till", "--server", store.url, "--till-id", "T1", "--data", tillData];
    till = await TmuxSession.start(argv, env, 80, 24);
    await till.waitFor("Type your PIN", "the log-in screen", 30_000);
    await till.waitFor("● online", "the till to reach the store", 30_000);
    await till.type("1234");
    await till.keys("Enter");
    await till.waitFor("Hello, Ann", "the log-in");
    await waitUntil(
      () => tillHas(tillData, "ALE"),
      (has) => has.departments && has.product,
      "the till to sync the departments and the ale",
    );
  }, 120_000);

  afterAll(async () => {
    await till?.[Symbol.asyncDispose]();
    await store?.[Symbol.asyncDispose]();
    if (tillData) await rm(tillData, { recursive: true, force: true });
  });

  test("an amount rung to a department: over its limit refused, within it recorded with no exception", async () => {
    await till.keys("C-d");
    await till.waitFor("Department number (2 PRODUCE · 14 BEER)", "the department prompt");
    await till.type("2");
    await till.keys("Enter");
    await till.waitFor("Amount for PRODUCE", "the amount prompt");
    await till.type("60");
    await till.keys("Enter");
    await till.waitFor("An open ring to PRODUCE may be at most $50.00", "the refusal");
    await till.keys("C-u");
    await till.type("3.49");
    await till.keys("Enter");
    await till.waitFor((s) => /PRODUCE/.test(s) && /3\.49/.test(s) && !s.includes("Amount for"), "the line");
    await payExactCash(till, 1);

    const [sale] = await waitUntil(
      () => storeSales(store),
      (s) => s.length === 1,
      "the store to record the sale",
    );
    expect(sale?.lines).toEqual([
      expect.objectContaining({ code: "dept:2", name: "PRODUCE", department: "2", totalMinor: 349 }),
    ]);
    const day = new Date().toISOString().slice(0, 10);
    const { exceptions } = await get<{ exceptions: unknown[] }>(
      store,
      `/api/v1/reports/exceptions?from=${new Date(Date.now() - 86_400_000).toISOString()}&to=${new Date(Date.now() + 86_400_000).toISOString()}`,
    );
    expect(exceptions).toEqual([]);
    expect(day).toHaveLength(10);
  }, 60_000);

  test("an ale that needs 21: refused first and not added, then confirmed; both checks reach the store's audit log", async () => {
    await till.type("ALE");
    await till.keys("Enter");
    await till.waitFor("Pale ale: customer 21 or older?", "the age question");
    await answer(till, "n");
    const refused = await till.waitFor("Pale ale not added", "the refusal");
    expect(refused).not.toMatch(/Pale ale\s+.*2\.99/);
    await till.type("ALE");
    await till.keys("Enter");
    await till.waitFor("Pale ale: customer 21 or older?", "the age question again");
    await answer(till, "y");
    await till.waitFor(
      (s) => /Pale ale/.test(s) && /2\.99/.test(s) && !s.includes("21 or older"),
      "the ale's line",
    );
    await payExactCash(till, 2);

    const sales = await waitUntil(
      () => storeSales(store),
      (s) => s.length === 2,
      "the second sale",
    );
    expect(sales.flatMap((s) => s.lines.map((l) => l.code)).sort()).toEqual(["ALE", "dept:2"]);
    const audit = await waitUntil(
      () =>
        get<{
          entries: { action: string; tillId: string | null; userName: string | null; detail: unknown }[];
        }>(store, "/api/v1/audit?action=age.checked"),
      (a) => a.entries.length === 2,
      "the age checks in the store's audit log",
    );
    const details = audit.entries.map((e) => e.detail).reverse();
    expect(details).toEqual([
      expect.objectContaining({ code: "ALE", minAge: 21, method: "refused", result: "refused" }),
      expect.objectContaining({ code: "ALE", minAge: 21, method: "confirmed", result: "over" }),
    ]);
    expect(audit.entries.every((e) => e.tillId === "T1" && e.userName === "Ann")).toBe(true);
  }, 60_000);
});
