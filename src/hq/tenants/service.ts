/**
 * What `ringup hq tenant …` does to head office's data directory, with head office stopped or
 * running: create a tenant (its own database, data pieces and admin token), list, suspend,
 * resume, and export one tenant's database as a verified copy.
 */
import { Database } from "bun:sqlite";
import { existsSync, mkdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { copyDatabase, removeDatabaseFile, verifyDatabaseFile } from "../../shared/backup.ts";
import { BOOTSTRAP_NAME, newToken, saveToken } from "../auth/tokens.ts";
import { hqDatabaseTarget } from "../db/database-url.ts";
import { openHq } from "../open.ts";
import { ensureHqNatsCredentials, writeNatsConf } from "../stores/nats-config.ts";
import { TenantError } from "./errors.ts";
import { DEFAULT_TENANT, parseTenantId } from "./ids.ts";
import { postgresDatabaseName, tenantDatabase, tenantDataDir } from "./locate.ts";
import { writeTenantsNatsConf } from "./nats.ts";
import { openableTenantDatabase, tenantPostgresBytes } from "./postgres.ts";
import { findTenant, readRegistry, type TenantEntry, type TenantStatus, writeRegistry } from "./registry.ts";

export const HQ_DB_FILE = "hq.db";

export interface TenantView extends TenantEntry {
  /** The size of the tenant's database on disk (with its write-ahead log). */
  bytes: number;
}

/** Opens (creating or migrating) a tenant's database once, to write its NATS users; answers the token if made. */
function prepareTenant(
  baseDir: string,
  database: string | undefined,
  tenant: string,
  now: Date,
  withToken: boolean,
): string | null {
  const dir = tenantDataDir(baseDir, tenant);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const ctx = openHq(dir, {
    database: openableTenantDatabase(database, tenant),
    log: () => {},
    ...(tenant === DEFAULT_TENANT ? {} : { tenant }),
  });
  try {
    let token: string | null = null;
    if (withToken) {
      token = newToken(ctx.tenant);
      saveToken(ctx.db, token, BOOTSTRAP_NAME, ["admin"], now);
    }
    ensureHqNatsCredentials(ctx);
    writeNatsConf(ctx);
    return token;
  } finally {
    ctx.sqlite.close();
  }
}

/**
 * Creates a tenant; answers its admin token (shown once, kept only as a hash). `database` is the
 * operator's `--database`: on PostgreSQL the tenant gets its own database on that server.
 */
export function createTenant(
  baseDir: string,
  id: string,
  now: Date,
  database?: string,
): { token: string; natsConf: string } {
  const tenant = parseTenantId(id);
  const tenants = readRegistry(baseDir);
  if (tenants.some((t) => t.id === tenant) || existsSync(tenantDataDir(baseDir, tenant))) {
    throw new TenantError(
      "TENANT_EXISTS",
      `tenant "${tenant}" exists already (or its directory ${tenantDataDir(baseDir, tenant)} does): choose another id`,
    );
  }
  // The default tenant's NATS users are part of every tenants' configuration.
  prepareTenant(baseDir, database, DEFAULT_TENANT, now, false);
  const token = prepareTenant(baseDir, database, tenant, now, true) as string;
  const all = [
    ...tenants,
    { id: tenant, status: "active" as const, createdAt: now.toISOString(), suspendedAt: null },
  ];
  writeRegistry(baseDir, all);
  return { token, natsConf: writeTenantsNatsConf(baseDir, all) };
}

function databaseBytes(path: string): number {
  let bytes = 0;
  for (const file of [path, `${path}-wal`]) if (existsSync(file)) bytes += statSync(file).size;
  return bytes;
}

export function listTenants(baseDir: string, database?: string): TenantView[] {
  return readRegistry(baseDir).map((t) => ({
    ...t,
    bytes:
      tenantPostgresBytes(database, t.id) ?? databaseBytes(join(tenantDataDir(baseDir, t.id), HQ_DB_FILE)),
  }));
}

/** Suspends or resumes a tenant; answers its entry as now recorded. */
export function setTenantStatus(baseDir: string, id: string, status: TenantStatus, now: Date): TenantEntry {
  const tenants = readRegistry(baseDir);
  const found = findTenant(tenants, id);
  const changed: TenantEntry =
    found.status === status
      ? found
      : { ...found, status, suspendedAt: status === "suspended" ? now.toISOString() : null };
  writeRegistry(
    baseDir,
    tenants.map((t) => (t.id === found.id ? changed : t)),
  );
  return changed;
}

/**
 * Writes a consistent copy of the tenant's database to `out` (which must not exist), checked
 * before it is reported; safe while head office serves the tenant. On PostgreSQL it refuses and
 * names the pg_dump command that does it.
 */
export function exportTenant(
  baseDir: string,
  id: string,
  out: string,
  database?: string,
): { path: string; bytes: number } {
  const found = findTenant(readRegistry(baseDir), id);
  const own = tenantDatabase(database, found.id);
  if (own !== undefined && hqDatabaseTarget(baseDir, own).kind === "postgres") {
    throw new TenantError(
      "TENANT_EXPORT_POSTGRES",
      `tenant ${found.id}'s database is the PostgreSQL database ${postgresDatabaseName(own)}: export it with PostgreSQL's own tools, e.g. pg_dump --format=custom --file ${out} --dbname <its URL> (see docs/hq-postgres.md)`,
    );
  }
  if (existsSync(out)) throw new Error(`${out} exists already: give a new file with --out`);
  const db = new Database(join(tenantDataDir(baseDir, found.id), HQ_DB_FILE), {
    readwrite: true,
    create: false,
  });
  try {
    db.exec("PRAGMA busy_timeout = 10000");
    copyDatabase(db, out);
  } finally {
    db.close();
  }
  const problem = verifyDatabaseFile(out);
  if (problem !== null) {
    removeDatabaseFile(out);
    throw new Error(`the copy did not verify and was deleted: ${problem}`);
  }
  return { path: out, bytes: statSync(out).size };
}
