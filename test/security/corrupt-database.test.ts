/**
 * A damaged database file is found at start and the store does not start on it: a file of
 * garbage bytes, a truncated file and a file with a damaged page each end the start with exit
 * code 1 and a message that says how to restore the last backup. Damage found while running
 * (the scheduled check) refuses every write with 503 STORAGE_CORRUPT and keeps reads.
 */
import { Database } from "bun:sqlite";
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import {
  closeSync,
  copyFileSync,
  mkdtempSync,
  openSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { uuidv7 } from "../../src/core/ids.ts";
import { createStoreApp } from "../../src/store-server/app.ts";
import { IntegrityMonitor } from "../../src/store-server/integrity.ts";
import { createTestStore } from "../support/store-app.ts";
import { childEnv, ringupCommand, seedProducts, startStore } from "../support/store-process.ts";

const dir = mkdtempSync(join(tmpdir(), "ringup-corrupt-"));

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

const pristine = join(dir, "pristine.db");

beforeAll(async () => {
  const first = await startStore({ dataDir: dir });
  await seedProducts(first, PRODUCTS);
  expect(await first.stop()).toBe(0);
  await first[Symbol.asyncDispose]();
  copyFileSync(join(dir, "store.db"), pristine);
}, 60_000);
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Starts `ringup store` on the data dir and answers its exit code and output. */
async function startOn(dataDir: string): Promise<{ code: number; output: string }> {
  const proc = Bun.spawn(
    [
      ...ringupCommand(),
      "store",
      "--data",
      dataDir,
      "--port",
      "0",
      "--host",
      "127.0.0.1",
      "--store-id",
      "S1",
    ],
    { env: childEnv(), stdout: "pipe", stderr: "pipe", stdin: "ignore" },
  );
  const deadline = setTimeout(() => proc.kill("SIGKILL"), 30_000);
  const [out, err, code] = await Promise.all([
    new Response(proc.stdout).text(),
    new Response(proc.stderr).text(),
    proc.exited,
  ]);
  clearTimeout(deadline);
  return { code, output: out + err };
}

describe("a damaged database file at start", () => {
  const cases: [string, (file: string) => void][] = [
    ["a file of garbage bytes", (file) => writeFileSync(file, Buffer.alloc(200_000, 0x5c))],
    ["a truncated file", (file) => truncateSync(file, Math.floor(statSync(file).size / 2))],
    ["a file with a damaged page", (file) => damageTable(file, "products")],
  ];
  for (const [name, damage] of cases) {
    test(`${name}: exit code 1 and how to restore`, async () => {
      const file = join(dir, "store.db");
      copyFileSync(pristine, file);
      damage(file);
      const { code, output } = await startOn(dir);
      expect(code).toBe(1);
      expect(output).toContain("is damaged");
      expect(output).toContain(`ringup restore --data ${dir} ${join(dir, "backups")}`);
      expect(output).not.toContain("    at ");
      expect(output).not.toContain("listening on");
    }, 60_000);
  }
});

describe("damage found while the store runs", () => {
  test("refuses writes with 503 STORAGE_CORRUPT, keeps reads, and says so on /health", async () => {
    using store = createTestStore();
    const monitor = new IntegrityMonitor(store.ctx);
    const app = createStoreApp(store.ctx, { integrity: monitor });
    monitor.state = { ok: false, checkedAt: store.ctx.now().toISOString(), problem: "page 3 is never used" };
    const headers = { authorization: `Bearer ${store.adminToken}`, "content-type": "application/json" };
    const sale = await app.handle(
      new Request("http://store.test/api/v1/sales", {
        method: "POST",
        headers,
        body: JSON.stringify({
          id: uuidv7(),
          tillId: "T1",
          lines: [{ code: "P1" }],
          tenders: [{ type: "cash", amountMinor: 500 }],
        }),
      }),
    );
    expect(sale.status).toBe(503);
    const body = (await sale.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("STORAGE_CORRUPT");
    expect(body.error.message).toContain("backup");
    expect(store.count("sales")).toBe(0);
    const journal = await app.handle(new Request("http://store.test/api/v1/journal/verify", { headers }));
    expect(journal.status).toBe(200);
    const health = (await (await app.handle(new Request("http://store.test/health"))).json()) as {
      status: string;
    };
    expect(health.status).toBe("degraded");
  });
});
