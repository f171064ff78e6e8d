/**
 * PostgreSQL for tests: the cluster `scripts/services/postgres` started (RINGUP_TEST_POSTGRES_URL,
 * as scripts/test does), or else a throw-away cluster of the test process's own, stopped by `stop`.
 * Each caller gets a fresh database with a random name, dropped when it is done.
 *
 *   const pg = testPostgres();           // at the top of a test file
 *   const url = await pg.createDatabase();
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { migrations as hqPgMigrations } from "../../schema/migrations/hq-pg/index.ts";
import { openPostgresHq, PG_COMPAT_REVISION } from "../../src/hq/db/open-postgres.ts";
import { PgDatabase } from "../../src/shared/postgres/database.ts";

const root = resolve(import.meta.dir, "../..");

/** True when the tests run head office on PostgreSQL (`RINGUP_TEST_HQ_DATABASE=postgres`). */
export function hqOnPostgres(): boolean {
  return process.env.RINGUP_TEST_HQ_DATABASE === "postgres";
}

let own: { url: string; state: string } | null = null;

function startOwnCluster(): string {
  const state = mkdtempSync(join(tmpdir(), "ringup-pg-state-"));
  const proc = Bun.spawnSync(["bash", join(root, "scripts/services/postgres"), "start"], {
    env: { ...process.env, RINGUP_POSTGRES_STATE: state },
  });
  const out = proc.stdout.toString();
  const url = /RINGUP_TEST_POSTGRES_URL=(\S+)/.exec(out)?.[1];
  if (proc.exitCode !== 0 || url === undefined) {
    rmSync(state, { recursive: true, force: true });
    throw new Error(`could not start PostgreSQL: ${proc.stderr.toString()}${out}`);
  }
  own = { url, state };
  return url;
}

function stopOwnCluster(): void {
  admin?.close();
  admin = null;
  if (own === null) return;
  Bun.spawnSync(["bash", join(root, "scripts/services/postgres"), "stop"], {
    env: { ...process.env, RINGUP_POSTGRES_STATE: own.state },
  });
  rmSync(own.state, { recursive: true, force: true });
  own = null;
}

/** The server's URL (its `postgres` database), starting a cluster for this file when none runs. */
export function postgresServerUrl(): string {
  return process.env.RINGUP_TEST_POSTGRES_URL ?? own?.url ?? startOwnCluster();
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export interface TestPostgresDatabase {
  url: string;
  /** Removes the database (its connections are ended first). */
  drop(): void;
}

let admin: PgDatabase | null = null;

/** Runs one statement on the server's own database, synchronously (one connection per process). */
function onServer(statement: string): void {
  admin ??= new PgDatabase(postgresServerUrl(), { statementTimeoutMs: 60_000 });
  admin.exec(statement);
}

/** A fresh database with a random name on the test server (synchronous, like opening SQLite). */
export function createPostgresDatabase(template?: string): TestPostgresDatabase {
  const name = `ringup_test_${crypto.randomUUID().replaceAll("-", "").slice(0, 16)}`;
  onServer(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ""}`);
  return {
    url: withDatabase(postgresServerUrl(), name),
    drop: () => onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/**
 * Head office's database for a test when `RINGUP_TEST_HQ_DATABASE=postgres`: a fresh PostgreSQL
 * database on the cluster scripts/test started (`scripts/services/postgres start`); otherwise
 * null (SQLite under the data dir).
 */
export function testHqDatabase(): TestPostgresDatabase | null {
  if (!hqOnPostgres()) return null;
  if (process.env.RINGUP_TEST_POSTGRES_URL === undefined) {
    throw new Error(
      "RINGUP_TEST_HQ_DATABASE=postgres needs RINGUP_TEST_POSTGRES_URL: run `eval $(scripts/services/postgres start)` first",
    );
  }
  return createPostgresDatabase(migratedHqTemplate());
}

let template: string | null = null;

/**
 * A database with head office's migrations applied, copied for each test (CREATE DATABASE …
 * TEMPLATE) instead of migrating every one. Named after the migrations, so a new one makes a new
 * template; made once per test process.
 */
function migratedHqTemplate(): string {
  if (template !== null) return template;
  const tags = `${hqPgMigrations.map((m) => m.tag).join(",")};${PG_COMPAT_REVISION}`;
  const name = `ringup_hq_template_${new Bun.CryptoHasher("sha256").update(tags).digest("hex").slice(0, 12)}`;
  admin ??= new PgDatabase(postgresServerUrl(), { statementTimeoutMs: 60_000 });
  const exists = admin.query("SELECT 1 AS x FROM pg_database WHERE datname = ?").get(name) !== null;
  if (!exists) {
    const staging = `${name}_${process.pid}`;
    onServer(`CREATE DATABASE ${staging}`);
    openPostgresHq(withDatabase(postgresServerUrl(), staging)).close();
    // Another test process may have made it meanwhile: then this copy is dropped.
    try {
      onServer(`ALTER DATABASE ${staging} RENAME TO ${name}`);
    } catch {
      onServer(`DROP DATABASE IF EXISTS ${staging} WITH (FORCE)`);
    }
  }
  template = name;
  return name;
}

/**
 * For a test file: fresh databases on the test server, and `stop` for its last clean-up step
 * (after its databases are dropped), which stops the file's own cluster if it started one.
 */
export function testPostgres(): { createDatabase: typeof createPostgresDatabase; stop(): void } {
  return { createDatabase: createPostgresDatabase, stop: stopOwnCluster };
}

/** Whether the test server has a database of this name. */
export function postgresDatabaseExists(name: string): boolean {
  admin ??= new PgDatabase(postgresServerUrl(), { statementTimeoutMs: 60_000 });
  return admin.query("SELECT 1 AS x FROM pg_database WHERE datname = ?").get(name) !== null;
}

/** Drops a database of the test server that a test made through head office (e.g. a tenant's). */
export function dropPostgresDatabase(name: string): void {
  onServer(`DROP DATABASE IF EXISTS "${name.replaceAll('"', '""')}" WITH (FORCE)`);
}

/** On PostgreSQL, the name of a tenant's own database: head office's name, `_t_`, the id. */
export function tenantDatabaseName(database: TestPostgresDatabase | null, id: string): string {
  const base = new URL(database?.url ?? "postgres://x/none").pathname.slice(1);
  return `${base}_t_${id.replaceAll("-", "_")}`;
}
