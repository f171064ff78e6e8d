/**
 * Backups against a real store process: `ringup admin backup` while sales keep coming (every
 * sale acknowledged before the backup began is in it, and it verifies), `ringup restore` into a
 * new data directory and a store started on it, a damaged backup refused, a running store's
 * directory refused, the offline `ringup backup`, and the `[backup]` schedule's retention.
 */
import { Database } from "bun:sqlite";
import { afterAll, expect, test } from "bun:test";
import { existsSync, readdirSync } from "node:fs";
import { mkdtemp, open, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { uuidv7 } from "../../src/core/ids.ts";
import { verifyDatabaseFile } from "../../src/shared/backup.ts";
import { journalChainCheck } from "../../src/store-server/backup/verify.ts";
import { runAdmin } from "../support/admin-cli.ts";
import { runRingup } from "../support/ringup-cli.ts";
import { seedProducts, startStore } from "../support/store-process.ts";
import { TEST_TAX_CLASSES } from "../support/tax-classes.ts";

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "ringup-backup-"));
  dirs.push(dir);
  return dir;
}

const PRODUCTS = [{ code: "A1", name: "Apple", priceMinor: 199, taxClass: "1" }];

function saleBody(id: string) {
  return {
    id,
    tillId: "T1",
    lines: [{ code: "A1", qty: 2 }],
    tenders: [{ type: "cash", amountMinor: 1_000 }],
  };
}

function saleIdsIn(path: string): Set<string> {
  const db = new Database(path, { readonly: true });
  try {
    return new Set(
      db
        .query<{ id: string }, []>("SELECT id FROM sales")
        .all()
        .map((r) => r.id),
    );
  } finally {
    db.close();
  }
}

test("a backup taken while selling holds every sale acknowledged before it; restored, a store serves them", async () => {
  const work = await tempDir();
  await using store = await startStore({ storeId: "S4" });
  await seedProducts(store, PRODUCTS);

  const acknowledged: string[] = [];
  let selling = true;
  const seller = (async () => {
    while (selling) {
      const id = uuidv7();
      const res = await store.api("/api/v1/sales", { method: "POST", body: JSON.stringify(saleBody(id)) });
      if (res.status !== 201 && res.status !== 200)
        throw new Error(`sale refused: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
      acknowledged.push(id);
    }
  })();
  const deadline = Date.now() + 20_000;
  while (acknowledged.length < 25) {
    if (Date.now() > deadline) throw new Error("the sales loop did not get going");
    await Bun.sleep(5);
  }
  const ackedBefore = [...acknowledged];
  const out = join(work, "nested", "s4.db");
  const backup = await runAdmin(store, "backup", "--out", out);
  const countAfterBackup = acknowledged.length;
  // Sales go on after the backup.
  while (acknowledged.length < countAfterBackup + 5) {
    if (Date.now() > deadline + 20_000) throw new Error("sales stopped after the backup");
    await Bun.sleep(5);
  }
  selling = false;
  await seller;

  expect(backup.stderr).toBe("");
  expect(backup.code).toBe(0);
  expect(backup.stdout).toContain(`backup written to ${out}`);
  expect(backup.stdout).toContain("store S4");
  expect(verifyDatabaseFile(out, journalChainCheck("S4"))).toBeNull();
  const inBackup = saleIdsIn(out);
  for (const id of ackedBefore) expect(inBackup.has(id)).toBe(true);
  // The copy the store made to send is gone.
  expect(readdirSync(join(store.dataDir, "backups"))).toEqual([]);

  // A second backup never replaces a file.
  const again = await runAdmin(store, "backup", "--out", out);
  expect(again.code).toBe(1);
  expect(again.stderr).toContain("already exists");

  // Restoring over the running store's data is refused: the store has its database open.
  const busy = await runRingup(["restore", "--data", store.dataDir, out]);
  expect(busy.code).toBe(1);
  expect(busy.stderr).toMatch(/in use/);

  // Restore into a new directory and start a store there: the sales are served.
  const restoredDir = join(work, "restored");
  const restored = await runRingup(["restore", "--data", restoredDir, out]);
  expect(restored.stderr).toBe("");
  expect(restored.code).toBe(0);
  expect(restored.stdout).toContain(`into ${join(restoredDir, "store.db")}`);
  expect(restored.stdout).toContain("pin.key");
  await using second = await startStore({ dataDir: restoredDir, storeId: "S4" });
  for (const id of ackedBefore) {
    const res = await second.api(`/api/v1/sales/${id}`);
    expect(res.status).toBe(200);
  }
  const verify = await second.api("/api/v1/journal/verify");
  expect(await verify.json()).toMatchObject({ ok: true });

  // A damaged copy is refused, and the data directory is left as it was.
  const damaged = join(work, "damaged.db");
  await writeFile(damaged, await Bun.file(out).bytes());
  const handle = await open(damaged, "r+");
  await handle.write(Buffer.alloc(8192, 0xa5), 0, 8192, 4096 * 3);
  await handle.close();
  const emptyDir = join(work, "never");
  const refused = await runRingup(["restore", "--data", emptyDir, damaged]);
  expect(refused.code).toBe(1);
  expect(refused.stderr).toContain("does not verify");
  expect(refused.stderr).toContain("earlier backup");
  expect(existsSync(join(emptyDir, "store.db"))).toBe(false);
  expect(readdirSync(emptyDir)).toEqual([]);

  // Offline: the stopped store's database copied and verified.
  await second.stop();
  const offline = join(work, "offline.db");
  const copied = await runRingup(["backup", "--data", restoredDir, "--out", offline]);
  expect(copied.stderr).toBe("");
  expect(copied.code).toBe(0);
  expect(copied.stdout).toContain("journal of");
  expect(verifyDatabaseFile(offline, journalChainCheck("S4"))).toBeNull();
  // Restoring over a stopped store keeps the database it replaces.
  const over = await runRingup(["restore", "--data", restoredDir, offline]);
  expect(over.code).toBe(0);
  expect(over.stdout).toContain("replaced-");
}, 120_000);

test("scheduled backups keep the newest N, each verified and logged", async () => {
  const work = await tempDir();
  const backupDir = join(work, "scheduled");
  const config = join(work, "store.toml");
  const taxes = TEST_TAX_CLASSES.map(
    (t) => `[[taxClasses]]\nid = "${t.id}"\nname = "${t.name}"\nrate = "${t.rate}"\n`,
  );
  await writeFile(config, `${taxes.join("\n")}\n[backup]\nevery = "1s"\nkeep = 2\ndir = "${backupDir}"\n`);
  await using store = await startStore({ storeId: "S9", args: ["--config", config] });
  await seedProducts(store, PRODUCTS);
  const taken = () => (store.output.match(/backup: \S+ \(\d+ bytes\) verified/g) ?? []).length;
  const deadline = Date.now() + 30_000;
  while (taken() < 4) {
    if (Date.now() > deadline) throw new Error(`fewer than 4 scheduled backups:\n${store.output}`);
    await Bun.sleep(20);
  }
  await store.stop();
  const files = readdirSync(backupDir).sort();
  expect(files).toHaveLength(2);
  for (const file of files) {
    expect(file).toMatch(/^S9-\d{8}T\d{6}\.\d{3}Z\.db$/);
    expect(verifyDatabaseFile(join(backupDir, file), journalChainCheck("S9"))).toBeNull();
  }
  expect(store.output).toContain("keeping the newest 2");
  expect(store.output).toMatch(/removed \d+ older/);
}, 60_000);

test("a [backup] table with a bad interval stops the store with the reason", async () => {
  const work = await tempDir();
  const config = join(work, "store.toml");
  await writeFile(config, `[backup]\nevery = "often"\n`);
  const run = await runRingup(["store", "--data", join(work, "data"), "--port", "0", "--config", config]);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain('key "backup.every"');
});
