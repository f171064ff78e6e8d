/**
 * Upgrading a store's database: a database of the previous release's schema, with data in it,
 * opened by this release is backed up (verified) before its migrations run, keeps its data,
 * and records this binary's version; a database a newer release opened is refused, naming
 * both versions.
 */
import { Database } from "bun:sqlite";
import { afterAll, expect, test } from "bun:test";
import { existsSync, readdirSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pkg from "../../package.json" with { type: "json" };
import { migrations } from "../../schema/migrations/store/index.ts";
import { computeEventHash } from "../../src/core/events/envelope.ts";
import { storeSettingsSchema } from "../../src/core/settings.ts";
import { verifyDatabaseFile } from "../../src/shared/backup.ts";
import { openDatabase } from "../../src/shared/sqlite.ts";
import { journalChainCheck } from "../../src/store-server/backup/verify.ts";
import { verifyJournal } from "../../src/store-server/journal/verify.ts";
import { openStore } from "../../src/store-server/open.ts";
import { salePayload } from "../support/replication-journal.ts";
import { runRingup } from "../support/ringup-cli.ts";

/** The previous release's store schema: every migration but the last two. */
const PREVIOUS_RELEASE = migrations.slice(0, migrations.length - 2);

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "ringup-upgrade-"));
  dirs.push(dir);
  return dir;
}

/** A store database as the previous release left it: its schema, a product and 5 sales in the journal. */
function previousReleaseStore(dataDir: string, storeId: string): void {
  const db = openDatabase(join(dataDir, "store.db"), PREVIOUS_RELEASE);
  db.query(
    `INSERT INTO products (code, name, price_minor, tax_class, change_seq, updated_at)
     VALUES ('4011', 'Bananas', 69, '1', 1, '2026-03-01T09:00:00.000Z')`,
  ).run();
  let prevHash: string | null = null;
  for (let seq = 1; seq <= 5; seq++) {
    const at = `2026-03-01T10:0${seq}:00.000Z`;
    const event = {
      seq,
      id: `0195a000-0000-7000-8000-00000000000${seq}`,
      type: "sale.completed",
      version: 1,
      at,
      payload: salePayload(storeId, seq, at),
      prevHash,
    };
    const hash = computeEventHash({ storeId, ...event });
    db.query(
      "INSERT INTO events (seq, id, type, version, at, payload, prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    ).run(seq, event.id, event.type, event.version, at, JSON.stringify(event.payload), prevHash, hash);
    prevHash = hash;
  }
  db.close();
}

test("a populated database of the previous release is backed up, migrated and keeps its data", async () => {
  const dataDir = await tempDir();
  previousReleaseStore(dataDir, "S7");
  const messages: string[] = [];
  const ctx = openStore(dataDir, "S7", storeSettingsSchema.parse({}), { onUpgrade: (m) => messages.push(m) });
  try {
    const applied = ctx.sqlite
      .query<{ tag: string }, []>("SELECT tag FROM __ringup_migrations ORDER BY tag")
      .all()
      .map((r) => r.tag);
    expect(applied).toEqual(migrations.map((m) => m.tag));
    // The data is intact, and the new columns are there.
    const product = ctx.sqlite
      .query<{ name: string; price_minor: number; deposit_code: string | null }, []>(
        "SELECT name, price_minor, deposit_code FROM products WHERE code = '4011'",
      )
      .get();
    expect(product).toEqual({ name: "Bananas", price_minor: 69, deposit_code: null });
    expect(verifyJournal(ctx.sqlite, "S7")).toMatchObject({ ok: true, events: 5 });
    // The binary that opened it is recorded.
    expect(
      ctx.sqlite.query<{ value: string }, []>("SELECT value FROM __ringup_meta WHERE key = 'version'").get()
        ?.value,
    ).toBe(pkg.version);
  } finally {
    ctx.sqlite.close();
  }
  const backups = readdirSync(join(dataDir, "backups"));
  expect(backups).toHaveLength(1);
  const name = backups[0] ?? "";
  expect(name).toMatch(
    new RegExp(`^pre-upgrade-schema${PREVIOUS_RELEASE.length}-${pkg.version}-\\d{8}T\\d{6}\\.\\d{3}Z\\.db$`),
  );
  expect(messages.join("\n")).toContain(name);
  // The backup is the previous release's database, whole: it verifies, journal included.
  const backup = join(dataDir, "backups", name);
  expect(verifyDatabaseFile(backup, journalChainCheck("S7"))).toBeNull();
  const old = new Database(backup, { readonly: true });
  try {
    expect(old.query("SELECT count(*) AS n FROM __ringup_migrations").get()).toEqual({
      n: PREVIOUS_RELEASE.length,
    });
    expect(old.query("SELECT count(*) AS n FROM events").get()).toEqual({ n: 5 });
  } finally {
    old.close();
  }

  // Opening it again migrates nothing, so no second backup is taken.
  openStore(dataDir, "S7", storeSettingsSchema.parse({})).sqlite.close();
  expect(readdirSync(join(dataDir, "backups"))).toHaveLength(1);
});

test("a new database is made without a pre-upgrade backup", async () => {
  const dataDir = await tempDir();
  openStore(dataDir, "S1", storeSettingsSchema.parse({})).sqlite.close();
  expect(existsSync(join(dataDir, "backups"))).toBe(false);
});

test("a database opened by a newer release is refused, naming both versions", async () => {
  const dataDir = await tempDir();
  openStore(dataDir, "S1", storeSettingsSchema.parse({})).sqlite.close();
  const db = new Database(join(dataDir, "store.db"));
  db.query("INSERT INTO __ringup_migrations (tag, applied_at) VALUES ('0099_from_the_future', ?1)").run(
    new Date().toISOString(),
  );
  db.query("UPDATE __ringup_meta SET value = '9.1.0' WHERE key = 'version'").run();
  db.close();
  let error: unknown;
  try {
    openStore(dataDir, "S1", storeSettingsSchema.parse({})).sqlite.close();
  } catch (err) {
    error = err;
  }
  expect(error).toMatchObject({ code: "DATABASE_TOO_NEW" });
  const message = (error as Error).message;
  expect(message).toContain("Ringup 9.1.0");
  expect(message).toContain(`Ringup ${pkg.version}`);
  expect(message).toContain("pre-upgrade");
  // Nothing was changed: the newer release's migration is still recorded.
  const after = new Database(join(dataDir, "store.db"), { readonly: true });
  expect(after.query("SELECT count(*) AS n FROM __ringup_migrations").get()).toEqual({
    n: migrations.length + 1,
  });
  after.close();
});

test("ringup store on a newer database exits with both versions and what to do", async () => {
  const dataDir = await tempDir();
  openStore(dataDir, "S1", storeSettingsSchema.parse({})).sqlite.close();
  const db = new Database(join(dataDir, "store.db"));
  db.query("INSERT INTO __ringup_migrations (tag, applied_at) VALUES ('0099_from_the_future', 'x')").run();
  db.query("UPDATE __ringup_meta SET value = '9.1.0' WHERE key = 'version'").run();
  db.close();
  const run = await runRingup(["store", "--data", dataDir, "--port", "0", "--host", "127.0.0.1"]);
  expect(run.code).toBe(1);
  expect(run.stderr).toContain("Ringup 9.1.0");
  expect(run.stderr).toContain(`this binary is Ringup ${pkg.version}`);
  expect(run.stderr).toContain("ringup restore");
});
