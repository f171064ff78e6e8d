/**
 * Opening a Ringup SQLite database: WAL mode with synchronous=FULL (a sale the cashier saw
 * completed survives a power cut), a busy timeout, and the embedded migrations applied in order
 * inside one transaction each.
 */
import { Database } from "bun:sqlite";
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from "node:fs";
import { dirname } from "node:path";
import { prepareUpgrade, recordVersion, type UpgradeOptions } from "./db-upgrade.ts";

/** Databases and their WAL and shared-memory files are readable by their owner only. */
export const PRIVATE_FILE_MODE = 0o600;

/**
 * Makes the database file (empty, which SQLite takes as a new database) with mode 0600 before
 * SQLite opens it, and narrows an existing one and its `-wal` and `-shm` files to 0600. SQLite
 * creates the WAL and shared-memory files with the mode of the database file.
 */
function makePrivate(path: string): void {
  if (!existsSync(path)) closeSync(openSync(path, "a", PRIVATE_FILE_MODE));
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    if (existsSync(file)) chmodSync(file, PRIVATE_FILE_MODE);
  }
}

export interface Migration {
  tag: string;
  sql: string;
}

export interface OpenOptions extends UpgradeOptions {
  /** Override the durability level (benchmarks compare against NORMAL). */
  synchronous?: "FULL" | "NORMAL";
  readonly?: boolean;
  /**
   * Reads the file through a memory map of up to this many bytes (PRAGMA mmap_size) instead
   * of a read call per page. Worth it where a process reads much of its database once, as the
   * store's outbox relay reads its journal: about a third of the CPU per row read.
   */
  mmapBytes?: number;
}

export function openDatabase(
  path: string,
  migrations: readonly Migration[],
  options: OpenOptions = {},
): Database {
  if (path !== ":memory:") {
    mkdirSync(dirname(path), { recursive: true });
    if (!options.readonly) makePrivate(path);
  }
  const db = new Database(path, {
    create: !options.readonly,
    readonly: options.readonly ?? false,
    strict: true,
  });
  db.exec("PRAGMA busy_timeout = 5000");
  if (options.mmapBytes !== undefined)
    db.exec(`PRAGMA mmap_size = ${Math.max(0, Math.trunc(options.mmapBytes))}`);
  if (!options.readonly) {
    db.exec("PRAGMA journal_mode = WAL");
    db.exec(`PRAGMA synchronous = ${options.synchronous ?? "FULL"}`);
    db.exec("PRAGMA foreign_keys = ON");
    // Deleted rows (an erased PIN tag, a retired secret) are overwritten, not left in free pages.
    db.exec("PRAGMA secure_delete = ON");
    try {
      // A newer database is refused; one with pending migrations is backed up first.
      if (path !== ":memory:") prepareUpgrade(db, path, migrations, options);
    } catch (err) {
      db.close();
      throw err;
    }
    migrate(db, migrations);
    if (options.appVersion !== undefined) recordVersion(db, options.appVersion, migrations.length);
    if (path !== ":memory:") makePrivate(path);
  }
  return db;
}

export function migrate(db: Database, migrations: readonly Migration[]): string[] {
  db.exec("CREATE TABLE IF NOT EXISTS __ringup_migrations (tag TEXT PRIMARY KEY, applied_at TEXT NOT NULL)");
  const applied = new Set(
    db
      .query<{ tag: string }, []>("SELECT tag FROM __ringup_migrations")
      .all()
      .map((r) => r.tag),
  );
  const done: string[] = [];
  for (const m of migrations) {
    if (applied.has(m.tag)) continue;
    db.transaction(() => {
      for (const statement of m.sql.split("--> statement-breakpoint")) {
        if (statement.trim()) db.exec(statement);
      }
      db.query("INSERT INTO __ringup_migrations (tag, applied_at) VALUES (?, ?)").run(
        m.tag,
        new Date().toISOString(),
      );
    })();
    done.push(m.tag);
  }
  return done;
}
