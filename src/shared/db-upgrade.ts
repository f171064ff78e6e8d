/**
 * Upgrades of a Ringup database at start: the version of the binary that last opened it is
 * recorded in `__ringup_meta`; a binary that does not know every migration the database has
 * applied (it is older than the database) refuses to open it, naming both versions; and before
 * pending migrations run on a database that has data, a verified copy is taken into
 * `backups/pre-upgrade-<from>-<to>-<time>.db` beside it.
 */
import type { Database } from "bun:sqlite";
import { dirname, join } from "node:path";
import { DomainError } from "../core/errors.ts";
import { type ExtraCheck, takeVerifiedBackup } from "./backup.ts";

/** The database was written by a newer Ringup than this binary. */
export class DatabaseTooNewError extends DomainError {
  readonly code = "DATABASE_TOO_NEW";
  override readonly kind = "conflict";
}

/** The pre-upgrade backup could not be taken: nothing was migrated. */
export class UpgradeBackupError extends DomainError {
  readonly code = "UPGRADE_BACKUP_FAILED";
  override readonly kind = "unavailable";
}

export interface UpgradeOptions {
  /** This binary's version, recorded in the database (package.json's `version`). */
  appVersion?: string | undefined;
  /** Checks the pre-upgrade copy beyond SQLite's integrity check (a store: its journal). */
  verifyBackup?: ExtraCheck | undefined;
  /** Told where the pre-upgrade backup went. */
  onUpgrade?: ((message: string) => void) | undefined;
  now?: (() => Date) | undefined;
}

const META_TABLE = "__ringup_meta";

function tableExists(db: Database, name: string): boolean {
  return db.query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1").get(name) !== null;
}

/** The tags of the migrations the database has applied (none for a new database). */
export function appliedMigrations(db: Database): string[] {
  if (!tableExists(db, "__ringup_migrations")) return [];
  return db
    .query<{ tag: string }, []>("SELECT tag FROM __ringup_migrations ORDER BY tag")
    .all()
    .map((r) => r.tag);
}

/** The version of Ringup that last opened the database, when one recorded it. */
export function recordedVersion(db: Database): string | null {
  if (!tableExists(db, META_TABLE)) return null;
  return (
    db.query<{ value: string }, []>(`SELECT value FROM ${META_TABLE} WHERE key = 'version'`).get()?.value ??
    null
  );
}

/** Records the binary's version and the migrations it knows as the database's. */
export function recordVersion(db: Database, appVersion: string, migrationCount: number): void {
  db.exec(`CREATE TABLE IF NOT EXISTS ${META_TABLE} (key TEXT PRIMARY KEY, value TEXT NOT NULL)`);
  const put = db.query(
    `INSERT INTO ${META_TABLE} (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
  );
  put.run("version", appVersion);
  put.run("migrations", String(migrationCount));
}

/**
 * Before migrating: refuses a database newer than this binary, and backs up one that has
 * pending migrations. Answers nothing; throws DatabaseTooNewError or UpgradeBackupError.
 */
export function prepareUpgrade(
  db: Database,
  path: string,
  known: readonly { tag: string }[],
  options: UpgradeOptions,
): void {
  const applied = appliedMigrations(db);
  const knownTags = new Set(known.map((m) => m.tag));
  const unknown = applied.filter((tag) => !knownTags.has(tag));
  const dbVersion = recordedVersion(db);
  const thisVersion = options.appVersion ?? "this version";
  if (unknown.length > 0) {
    const newer = dbVersion ?? "a newer version";
    throw new DatabaseTooNewError(
      `the database ${path} was last opened by Ringup ${newer} (${applied.length} schema migrations applied, ${unknown.length} of which this binary does not know, e.g. ${unknown[0]}), and this binary is Ringup ${thisVersion} (it knows ${known.length}): an older binary cannot open a newer database. Run Ringup ${newer} or later, or restore the backup taken before the upgrade (${join(dirname(path), "backups")}/pre-upgrade-*.db) with 'ringup restore --data ${dirname(path)} FILE'`,
      { databaseVersion: dbVersion, binaryVersion: options.appVersion ?? null, unknownMigrations: unknown },
    );
  }
  const pending = known.filter((m) => !applied.includes(m.tag));
  if (applied.length === 0 || pending.length === 0) return;
  const from = dbVersion ?? `schema${applied.length}`;
  const to = options.appVersion ?? `schema${known.length}`;
  const at = (options.now ?? (() => new Date()))();
  const dir = join(dirname(path), "backups");
  const taken = takeVerifiedBackup(db, dir, `pre-upgrade-${from}-${to}`, at, options.verifyBackup);
  if (!taken.ok) {
    throw new UpgradeBackupError(
      `the database ${path} needs ${pending.length} schema migrations for Ringup ${to}, and the backup taken first failed, so nothing was changed: ${taken.problem}. Free disk space in ${dir} (or fix what the message says) and start again`,
    );
  }
  options.onUpgrade?.(
    `upgrading the database from Ringup ${from} to ${to} (${pending.length} schema migrations); backup first: ${taken.path} (verified)`,
  );
}
