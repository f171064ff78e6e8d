/**
 * Head office's database on PostgreSQL: the one synchronous connection (src/shared/postgres),
 * the embedded PostgreSQL migrations applied in order under an advisory lock (two processes
 * starting together migrate once), the same refusal of a database newer than this binary as on
 * SQLite, and auto-increment keys that take NULL for "the next one" as SQLite's do (with
 * `sqlite_sequence` as a view, so "the last key given out" reads the same).
 */
import type { Database } from "bun:sqlite";
import { hqPgSerialColumns } from "../../../schema/hq-pg.ts";
import { migrations } from "../../../schema/migrations/hq-pg/index.ts";
import { sha256Hex } from "../../core/sha256.ts";
import { DatabaseTooNewError, recordVersion } from "../../shared/db-upgrade.ts";
import { PgDatabase } from "../../shared/postgres/database.ts";
import { migrate } from "../../shared/sqlite.ts";
import { SQLITE_COMPAT_SQL } from "./sqlite-compat.ts";

export interface OpenPostgresOptions {
  appVersion?: string | undefined;
  onUpgrade?: ((message: string) => void) | undefined;
  statementTimeoutMs?: number;
}

/** Any number: the key of head office's migration lock. */
const MIGRATION_LOCK = 7_311_026;

/**
 * Opens and migrates; answers the connection as the `Database` head office's code is written
 * against (the facade has the part of bun:sqlite's API that code and drizzle's driver use).
 */
export function openPostgresHq(url: string, options: OpenPostgresOptions = {}): Database {
  const pg = new PgDatabase(
    url,
    options.statementTimeoutMs ? { statementTimeoutMs: options.statementTimeoutMs } : {},
  );
  const db = pg as unknown as Database;
  try {
    pg.query("SELECT pg_advisory_lock(?)").get(MIGRATION_LOCK);
    try {
      refuseNewer(pg, options.appVersion);
      // A migration over a large chain (an index on years of summaries) may take minutes.
      const done = pg.withoutTimeout(() => migrate(db, migrations));
      if (done.length > 0) options.onUpgrade?.(`applied ${done.length} schema migrations on PostgreSQL`);
      ensureCompat(pg, done.length > 0);
      if (options.appVersion !== undefined) recordVersion(db, options.appVersion, migrations.length);
    } finally {
      pg.query("SELECT pg_advisory_unlock(?)").get(MIGRATION_LOCK);
    }
  } catch (err) {
    pg.close();
    throw err;
  }
  return db;
}

function refuseNewer(pg: PgDatabase, appVersion: string | undefined): void {
  const table = pg.query<{ t: string | null }>("SELECT to_regclass('__ringup_migrations')::text AS t").get();
  if (!table?.t) return;
  const applied = pg
    .query<{ tag: string }>("SELECT tag FROM __ringup_migrations ORDER BY tag")
    .all()
    .map((r) => r.tag);
  const known = new Set(migrations.map((m) => m.tag));
  const unknown = applied.filter((tag) => !known.has(tag));
  if (unknown.length === 0) return;
  const meta = pg.query<{ t: string | null }>("SELECT to_regclass('__ringup_meta')::text AS t").get();
  const version = meta?.t
    ? (pg.query<{ value: string }>("SELECT value FROM __ringup_meta WHERE key = 'version'").get()?.value ??
      null)
    : null;
  const newer = version ?? "a newer version";
  throw new DatabaseTooNewError(
    `the PostgreSQL database was last opened by Ringup ${newer} (${applied.length} schema migrations applied, ${unknown.length} of which this binary does not know, e.g. ${unknown[0]}), and this binary is Ringup ${appVersion ?? "this version"} (it knows ${migrations.length}): an older binary cannot open a newer database. Run Ringup ${newer} or later, or restore a dump taken before the upgrade`,
    { databaseVersion: version, binaryVersion: appVersion ?? null, unknownMigrations: unknown },
  );
}

/** What the SQLite-compatible triggers, view and functions are made from: remade when it changes. */
export const PG_COMPAT_REVISION = sha256Hex(
  `${JSON.stringify(hqPgSerialColumns)}${SQLITE_COMPAT_SQL}2`,
).slice(0, 16);

function ensureCompat(pg: PgDatabase, migrated: boolean): void {
  pg.exec("CREATE TABLE IF NOT EXISTS __ringup_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
  const current = pg
    .query<{ value: string }>("SELECT value FROM __ringup_meta WHERE key = 'pg_compat'")
    .get();
  if (!migrated && current?.value === PG_COMPAT_REVISION) return;
  fillSerials(pg);
  pg.exec(SQLITE_COMPAT_SQL);
  pg.query(
    "INSERT INTO __ringup_meta (key, value) VALUES ('pg_compat', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
  ).run(PG_COMPAT_REVISION);
}

/** SQLite gives an auto-increment key its next value when an insert says NULL; so does this. */
function fillSerials(pg: PgDatabase): void {
  pg.exec(`CREATE OR REPLACE FUNCTION ringup_fill_serial() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF to_jsonb(NEW) -> TG_ARGV[0] = 'null'::jsonb THEN
    NEW := jsonb_populate_record(NEW, jsonb_build_object(TG_ARGV[0],
      nextval(pg_get_serial_sequence(quote_ident(TG_TABLE_SCHEMA) || '.' || quote_ident(TG_TABLE_NAME), TG_ARGV[0]))));
  END IF;
  RETURN NEW;
END $$`);
  for (const { table, column } of hqPgSerialColumns) {
    pg.exec(
      `CREATE OR REPLACE TRIGGER "ringup_fill_${table}_${column}" BEFORE INSERT ON "${table}" FOR EACH ROW EXECUTE FUNCTION ringup_fill_serial('${column}')`,
    );
  }
  // SQLite's `sqlite_sequence` (the last key an auto-increment table gave out), which head
  // office reads (the catalog change log's last seq), as a view over the sequences.
  const rows = hqPgSerialColumns.map(
    ({ table, column }) =>
      `SELECT CAST('${table}' AS text) AS name, CASE WHEN is_called THEN last_value ELSE 0 END AS seq FROM "${table}_${column}_seq"`,
  );
  pg.exec(`CREATE OR REPLACE VIEW sqlite_sequence AS ${rows.join(" UNION ALL ")}`);
}
