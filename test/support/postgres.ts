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
import { SQL } from "bun";

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

/** A fresh database on the test server; `drop` removes it (its connections are ended first). */
export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const server = postgresServerUrl();
  const name = `ringup_test_${crypto.randomUUID().replaceAll("-", "").slice(0, 16)}`;
  const admin = new SQL({ url: server, max: 1 });
  try {
    await admin.unsafe(`CREATE DATABASE ${name}`);
  } finally {
    await admin.close();
  }
  return {
    url: withDatabase(server, name),
    async drop() {
      const sql = new SQL({ url: server, max: 1 });
      try {
        await sql.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await sql.close();
      }
    },
  };
}

/**
 * For a test file: fresh databases on the test server, and `stop` for its last clean-up step
 * (after its databases are dropped), which stops the file's own cluster if it started one.
 */
export function testPostgres(): { createDatabase: typeof createPostgresDatabase; stop(): void } {
  return { createDatabase: createPostgresDatabase, stop: stopOwnCluster };
}
