/**
 * Copies of a Ringup SQLite database: a consistent snapshot taken with `VACUUM INTO` while the
 * server keeps running, made a single self-contained file (rollback journal, no `-wal`),
 * checked with `PRAGMA integrity_check` (and whatever the mode adds, e.g. the store's journal
 * chain) before anyone is told it is done, and named and pruned for scheduled backups.
 */
import { Database } from "bun:sqlite";
import { chmodSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { z } from "zod";
import { ConfigError, readTomlFile } from "./config.ts";

/** What a mode checks in a copy beyond SQLite's own check: a problem, or null when it is fine. */
export type ExtraCheck = (db: Database) => string | null;

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Removes a database file and the `-wal`, `-shm` and `-journal` files beside it. */
export function removeDatabaseFile(path: string): void {
  for (const file of [path, `${path}-wal`, `${path}-shm`, `${path}-journal`]) rmSync(file, { force: true });
}

/**
 * Writes a consistent copy of `db` to `dest` (which must not exist): every transaction that
 * committed before the copy began is in it, none after. Runs on the caller's connection, so a
 * server's writes wait for the copy (seconds for a shop's database) instead of being left out.
 */
export function copyDatabase(db: Database, dest: string): void {
  mkdirSync(dirname(dest), { recursive: true });
  const partial = join(dirname(dest), `.${basename(dest)}.partial`);
  removeDatabaseFile(partial);
  try {
    db.query("VACUUM INTO ?1").run(partial);
    const copy = new Database(partial, { readwrite: true, create: false });
    try {
      // A single file that opens anywhere, read-only too: no WAL beside it.
      copy.exec("PRAGMA journal_mode = DELETE");
    } finally {
      copy.close();
    }
    chmodSync(partial, 0o600);
    renameSync(partial, dest);
  } catch (err) {
    removeDatabaseFile(partial);
    throw err;
  }
}

/**
 * Checks a database file: `PRAGMA integrity_check`, then `extra`. Answers the problem, or null
 * when the file verifies. The file is opened read-write (it is a copy the caller owns: a
 * read-only open of a WAL database can fail for want of its `-shm` file); nothing is written.
 */
export function verifyDatabaseFile(path: string, extra?: ExtraCheck): string | null {
  if (!existsSync(path)) return `${path} does not exist`;
  let db: Database;
  try {
    db = new Database(path, { readwrite: true, create: false, strict: true });
  } catch (err) {
    return `it cannot be opened as an SQLite database (${errorText(err)})`;
  }
  try {
    let findings: string[];
    try {
      findings = db
        .query<{ integrity_check: string }, []>("PRAGMA integrity_check(20)")
        .all()
        .map((r) => r.integrity_check);
    } catch (err) {
      return `it is not a readable SQLite database (${errorText(err)})`;
    }
    if (findings.length !== 1 || findings[0] !== "ok") {
      return `SQLite's integrity check fails: ${findings.slice(0, 5).join("; ")}`;
    }
    try {
      return extra ? extra(db) : null;
    } catch (err) {
      return errorText(err);
    }
  } finally {
    db.close();
  }
}

/** A time as ISO 8601 in its basic form, safe in a file name: 20261207T015026.123Z. */
export function fileTimestamp(at: Date): string {
  return at.toISOString().replace(/[-:]/g, "");
}

/** A scheduled or requested backup's file name: the server's name and when it was taken. */
export function backupFileName(name: string, at: Date): string {
  return `${name}-${fileTimestamp(at)}.db`;
}

const STAMPED = /^(.+)-(\d{8}T\d{6}(?:\.\d{3})?Z)\.db$/;

/** The backups of `name` in `dir`, oldest first (their names sort by time). */
export function listBackups(dir: string, name: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => STAMPED.exec(file)?.[1] === name)
    .sort();
}

/** Deletes all but the newest `keep` backups of `name` in `dir`; answers the files deleted. */
export function pruneBackups(dir: string, name: string, keep: number): string[] {
  const files = listBackups(dir, name);
  const old = files.slice(0, Math.max(0, files.length - keep));
  for (const file of old) rmSync(join(dir, file), { force: true });
  return old;
}

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, min: 60_000, h: 3_600_000, d: 86_400_000 };

/** `"6h"`, `"30m"`, `"1d"`, `"45s"`, or a number of minutes. */
export const backupIntervalSchema = z.union([
  z
    .number()
    .positive("must be more than 0 minutes")
    .transform((minutes) => minutes * 60_000),
  z
    .string()
    .regex(
      /^\s*\d+(?:\.\d+)?\s*(s|m|min|h|d)?\s*$/,
      'must be a duration such as "6h", "30m", "1d" or minutes',
    )
    .transform((text) => {
      const match = /^\s*(\d+(?:\.\d+)?)\s*(s|m|min|h|d)?\s*$/.exec(text);
      return Number(match?.[1]) * (UNIT_MS[match?.[2] ?? "m"] ?? 60_000);
    })
    .refine((ms) => ms >= 1000, "must be at least one second"),
]);

/** The `[backup]` table of a store's or head office's configuration. */
export const backupConfigSchema = z.strictObject({
  /** How often: "6h", "30m", "1d", or minutes. Without it, no scheduled backups. */
  every: backupIntervalSchema,
  /** How many of the newest backups to keep (older ones are deleted). */
  keep: z.int("must be a whole number").min(1, "must be at least 1").default(14),
  /** Where the backups go (default: `backups` in the data directory). */
  dir: z.string().min(1, "must name a directory").optional(),
});
export type BackupConfig = z.infer<typeof backupConfigSchema>;

/** The `[backup]` table checked, or undefined when there is none; a ConfigError says what is wrong. */
export function backupConfigOf(table: unknown, source: string): BackupConfig | undefined {
  if (table === undefined) return undefined;
  const parsed = backupConfigSchema.safeParse(table);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map(
    (i) => `key "backup.${i.path.join(".")}" in ${source}: ${i.message}`,
  );
  throw new ConfigError(`invalid backup settings:\n  ${problems.join("\n  ")}`);
}

/** What a scheduled backup ended with. */
export type BackupOutcome =
  | { ok: true; path: string; bytes: number; pruned: string[] }
  | { ok: false; problem: string };

/**
 * Takes a verified backup into `dir`: copies, checks, and deletes the copy when it does not
 * verify. Answers the file or the problem.
 */
export function takeVerifiedBackup(
  db: Database,
  dir: string,
  name: string,
  at: Date,
  extra?: ExtraCheck,
): { ok: true; path: string; bytes: number } | { ok: false; problem: string } {
  const path = join(dir, backupFileName(name, at));
  try {
    copyDatabase(db, path);
  } catch (err) {
    return { ok: false, problem: `the copy to ${path} failed: ${errorText(err)}` };
  }
  const problem = verifyDatabaseFile(path, extra);
  if (problem !== null) {
    removeDatabaseFile(path);
    return { ok: false, problem: `the copy did not verify and was deleted: ${problem}` };
  }
  return { ok: true, path, bytes: Bun.file(path).size };
}

/** Backups on a schedule: the first soon after start, then every interval; the newest `keep` kept. */
export class BackupSchedule {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;

  constructor(
    private readonly db: Database,
    private readonly config: BackupConfig & { dir: string },
    private readonly name: string,
    private readonly log: (line: string) => void,
    private readonly extra?: ExtraCheck,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Starts the schedule; the first backup is taken right after the server has started. */
  start(): void {
    this.next(0);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Takes one backup now and prunes the old ones. */
  runOnce(): BackupOutcome {
    const taken = takeVerifiedBackup(this.db, this.config.dir, this.name, this.now(), this.extra);
    if (!taken.ok) {
      this.log(`backup: FAILED: ${taken.problem}; the next one is tried in ${describeMs(this.config.every)}`);
      return taken;
    }
    const pruned = pruneBackups(this.config.dir, this.name, this.config.keep);
    this.log(
      `backup: ${taken.path} (${taken.bytes} bytes) verified${pruned.length > 0 ? `; removed ${pruned.length} older (keeping ${this.config.keep})` : ""}`,
    );
    return { ...taken, pruned };
  }

  private next(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      try {
        this.runOnce();
      } catch (err) {
        this.log(`backup: FAILED: ${errorText(err)}`);
      }
      this.next(this.config.every);
    }, delayMs);
    this.timer.unref?.();
  }
}

/** "6h", "30 min", "45 s": an interval as an operator wrote it. */
export function describeMs(ms: number): string {
  if (ms % 86_400_000 === 0) return `${ms / 86_400_000} d`;
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000} h`;
  if (ms % 60_000 === 0) return `${ms / 60_000} min`;
  return `${Math.round(ms / 1000)} s`;
}

/** The `[backup]` table of a server's TOML configuration, checked; undefined without one. */
export async function readBackupConfig(configPath: string | undefined): Promise<BackupConfig | undefined> {
  if (configPath === undefined) return undefined;
  return backupConfigOf((await readTomlFile(configPath)).backup, configPath);
}

export interface ScheduledBackupsOptions {
  db: Database;
  /** The server's `[backup]` table (readBackupConfig); no schedule without one. */
  config: BackupConfig | undefined;
  /** The data directory: backups go to its `backups` folder unless `[backup] dir` says otherwise. */
  dataDir: string;
  /** The name the files start with: the store's id, or "hq". */
  name: string;
  log: (line: string) => void;
  extra?: ExtraCheck;
  now?: () => Date;
}

/** Starts the `[backup]` schedule when there is one; answers it (to stop), or null. */
export function startScheduledBackups(o: ScheduledBackupsOptions): BackupSchedule | null {
  if (o.config === undefined) return null;
  const dir = o.config.dir ?? join(o.dataDir, "backups");
  const schedule = new BackupSchedule(o.db, { ...o.config, dir }, o.name, o.log, o.extra, o.now);
  o.log(`backup: every ${describeMs(o.config.every)} into ${dir}, keeping the newest ${o.config.keep}`);
  schedule.start();
  return schedule;
}
