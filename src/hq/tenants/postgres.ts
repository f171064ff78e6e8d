/**
 * A tenant's own PostgreSQL database on head office's server (see locate.ts): created when
 * missing (openHq then applies the migrations), and its size for the tenants' list. Statements
 * run over a connection to the operator's database, which exists.
 */
import { PgDatabase } from "../../shared/postgres/database.ts";
import { hqDatabaseTarget } from "../db/database-url.ts";
import { postgresDatabaseName, tenantDatabase } from "./locate.ts";

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function onServer<T>(operatorUrl: string, work: (pg: PgDatabase) => T): T {
  const pg = new PgDatabase(operatorUrl, { statementTimeoutMs: 60_000 });
  try {
    return work(pg);
  } finally {
    pg.close();
  }
}

function exists(pg: PgDatabase, name: string): boolean {
  return pg.query("SELECT 1 AS x FROM pg_database WHERE datname = ?").get(name) !== null;
}

/** Creates the tenant's database when it does not exist (another process may create it meanwhile). */
export function ensurePostgresDatabase(operatorUrl: string, tenantUrl: string): void {
  const name = postgresDatabaseName(tenantUrl);
  onServer(operatorUrl, (pg) => {
    if (exists(pg, name)) return;
    try {
      pg.exec(`CREATE DATABASE ${quoteIdent(name)}`);
    } catch (err) {
      if (!exists(pg, name)) throw err;
    }
  });
}

/** The database's size (`pg_database_size`), 0 when it does not exist. */
export function postgresDatabaseBytes(operatorUrl: string, tenantUrl: string): number {
  const name = postgresDatabaseName(tenantUrl);
  return onServer(operatorUrl, (pg) => {
    const row = pg
      .query<{ bytes: string | number | null }>(
        "SELECT pg_database_size(datname) AS bytes FROM pg_database WHERE datname = ?",
      )
      .get(name);
    return row?.bytes == null ? 0 : Number(row.bytes);
  });
}

/** The tenant's `--database` for openHq (see tenantDatabase), its PostgreSQL database created if missing. */
export function openableTenantDatabase(database: string | undefined, tenant: string): string | undefined {
  const own = tenantDatabase(database, tenant);
  if (own !== undefined && database !== undefined && own !== database) ensurePostgresDatabase(database, own);
  return own;
}

/** On PostgreSQL, the tenant's database size; undefined when the tenant's database is a file. */
export function tenantPostgresBytes(database: string | undefined, tenant: string): number | undefined {
  const own = tenantDatabase(database, tenant);
  if (own === undefined || database === undefined || hqDatabaseTarget("", own).kind !== "postgres") {
    return undefined;
  }
  return postgresDatabaseBytes(database, own);
}
