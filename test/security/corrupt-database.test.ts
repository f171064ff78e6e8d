/**
 * A damaged database file is found at start: the store says so on /health, refuses every write
 * with 503 STORAGE_CORRUPT (nothing is recorded into a broken file), and still starts, so that
 * tills get a clear answer and keep selling offline.
 */
import { Database } from "bun:sqlite";
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { uuidv7 } from "../../src/core/ids.ts";
import { type StoreProcess, seedProducts, startStore } from "../support/store-process.ts";

const dir = mkdtempSync(join(tmpdir(), "ringup-corrupt-"));
let store: StoreProcess;

const PRODUCTS = Array.from({ length: 400 }, (_, i) => ({
  code: `P${i}`,
  name: `Product number ${i} with a name long enough to fill pages`,
  priceMinor: 100 + i,
  taxClass: null,
}));

/** Overwrites the root page of a table with garbage (the file is closed, its WAL checkpointed). */
function damageTable(file: string, table: string): void {
  const db = new Database(file, { readonly: true });
  const root = db
    .query<{ rootpage: number }, [string]>("SELECT rootpage FROM sqlite_master WHERE name = ?1")
    .get(table);
  const pageSize = db.query<{ page_size: number }, []>("PRAGMA page_size").get()?.page_size ?? 4096;
  db.close();
  if (!root) throw new Error(`no table ${table}`);
  const fd = openSync(file, "r+");
  try {
    const garbage = Buffer.alloc(pageSize, 0xa5);
    writeSync(fd, garbage, 0, pageSize, (root.rootpage - 1) * pageSize);
  } finally {
    closeSync(fd);
  }
}

beforeAll(async () => {
  const first = await startStore({ dataDir: dir });
  await seedProducts(first, PRODUCTS);
  const token = first.token;
  expect(await first.stop()).toBe(0);
  await first[Symbol.asyncDispose]();
  damageTable(join(dir, "store.db"), "products");
  store = await startStore({ dataDir: dir, token });
}, 60_000);
afterAll(async () => {
  await store?.[Symbol.asyncDispose]();
  rmSync(dir, { recursive: true, force: true });
});

describe("a damaged database file", () => {
  test("is reported on /health", async () => {
    const health = (await (await fetch(`${store.url}/health`)).json()) as {
      status: string;
      integrity?: { ok: boolean; problem: string | null };
    };
    expect(health.status).toBe("degraded");
    expect(health.integrity?.ok).toBe(false);
    expect(health.integrity?.problem?.length ?? 0).toBeGreaterThan(0);
  });

  test("refuses writes with a clear error and records nothing", async () => {
    const sale = await store.api("/api/v1/sales", {
      method: "POST",
      body: JSON.stringify({
        id: uuidv7(),
        tillId: "T1",
        lines: [{ code: "P1" }],
        tenders: [{ type: "cash", amountMinor: 500 }],
      }),
    });
    expect(sale.status).toBe(503);
    const body = (await sale.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("STORAGE_CORRUPT");
    expect(body.error.message).toContain("backup");
    const journal = (await (await store.api("/api/v1/journal/verify")).json()) as { events: number };
    expect(journal.events).toBeGreaterThan(0);
  });

  test("the process says what to do", () => {
    expect(store.output).toContain("the database file is damaged");
  });
});
