/**
 * Where a tenant's data lives: the one place that decides it. The default tenant is the data
 * directory itself (hq.db, pin.key, nats-hq.creds…, as a single-tenant head office has always
 * kept them); every other tenant has the same pieces in `tenants/<id>/` beneath it. With head
 * office on PostgreSQL (`--database postgres://…/NAME`), each other tenant's database is its own
 * database on the same server, `NAME_t_<id>` (dashes as underscores).
 */
import { join } from "node:path";
import { hqDatabaseTarget } from "../db/database-url.ts";
import { DEFAULT_TENANT } from "./ids.ts";

export const TENANTS_DIR = "tenants";

/** PostgreSQL's longest identifier (bytes). */
const PG_NAME_MAX = 63;

export function tenantDataDir(baseDir: string, tenant: string): string {
  return tenant === DEFAULT_TENANT ? baseDir : join(baseDir, TENANTS_DIR, tenant);
}

/**
 * The tenant's `--database` for openHq, from the operator's: unchanged for the default tenant;
 * on PostgreSQL the tenant's own database; otherwise unset (hq.db in the tenant's directory).
 */
export function tenantDatabase(database: string | undefined, tenant: string): string | undefined {
  if (tenant === DEFAULT_TENANT) return database;
  if (database === undefined || database === "" || hqDatabaseTarget("", database).kind !== "postgres") {
    return undefined;
  }
  const url = new URL(database);
  const base = decodeURIComponent(url.pathname.slice(1)) || decodeURIComponent(url.username) || "postgres";
  const name = `${base}_t_${tenant.replaceAll("-", "_")}`;
  if (Buffer.byteLength(name) > PG_NAME_MAX) {
    throw new Error(
      `tenant ${tenant}: its PostgreSQL database name ${name} is longer than ${PG_NAME_MAX} bytes: give head office's database a shorter name or the tenant a shorter id`,
    );
  }
  url.pathname = `/${encodeURIComponent(name)}`;
  return url.toString();
}

/** The PostgreSQL database name of a `postgres://…` URL. */
export function postgresDatabaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}
