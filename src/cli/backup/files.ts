/**
 * The database files the backup commands read and write: which mode a file belongs to, a copy's
 * verification by mode, and whether a data directory's database is in use.
 */
import type { Database } from "bun:sqlite";
import { readdirSync, readlinkSync } from "node:fs";
import { resolve } from "node:path";
import { DomainError } from "../../core/errors.ts";
import { type ExtraCheck, verifyDatabaseFile } from "../../shared/backup.ts";
import { journalChainCheck, recordedStoreId } from "../../store-server/backup/verify.ts";
import type { DoctorMode } from "../doctor/setup.ts";

export type BackupMode = DoctorMode;

/** A backup that could not be taken or did not verify (exit status 1). */
export class BackupFailedError extends DomainError {
  readonly code = "BACKUP_FAILED";
}

/** A restore refused: the file does not verify, or the data directory is in use. */
export class RestoreRefusedError extends DomainError {
  readonly code = "RESTORE_REFUSED";
}

/** The table that tells each mode's database apart. */
const MARKER_TABLES: Record<BackupMode, string> = { store: "events", hq: "hq_meta", till: "cashiers" };

/** The mode whose database `db` is, by its tables; null when it is none of them. */
export function modeOfDatabase(db: Database): BackupMode | null {
  const tables = new Set(
    db
      .query<{ name: string }, []>("SELECT name FROM sqlite_master WHERE type = 'table'")
      .all()
      .map((r) => r.name),
  );
  // HQ has no `events` table and a store no `hq_meta`; a till has `cashiers` and no `events`.
  if (tables.has(MARKER_TABLES.hq)) return "hq";
  if (tables.has(MARKER_TABLES.store)) return "store";
  if (tables.has(MARKER_TABLES.till)) return "till";
  return null;
}

export interface Verified {
  mode: BackupMode;
  storeId: string | null;
  events: number | null;
}

/**
 * Verifies a copy: SQLite's integrity check, the mode it belongs to (the one expected, when
 * given), and for a store its journal's chain. Answers what it is, or the problem.
 */
export function verifyCopy(
  path: string,
  expected: BackupMode | undefined,
  storeId: string | undefined,
): { ok: true; verified: Verified } | { ok: false; problem: string } {
  const result: { found?: Verified } = {};
  const byMode: ExtraCheck = (db) => {
    const mode = modeOfDatabase(db);
    if (mode === null) return "it is not a Ringup database (no store, head office or till tables)";
    if (expected !== undefined && mode !== expected) return `it is a ${mode}'s database, not a ${expected}'s`;
    let events: number | null = null;
    if (mode === "store") {
      const problem = journalChainCheck(storeId)(db);
      if (problem !== null) return problem;
      events = db.query<{ n: number }, []>("SELECT count(*) AS n FROM events").get()?.n ?? 0;
    }
    result.found = { mode, storeId: mode === "store" ? (storeId ?? recordedStoreId(db)) : null, events };
    return null;
  };
  const problem = verifyDatabaseFile(path, byMode);
  if (problem !== null || result.found === undefined) {
    return { ok: false, problem: problem ?? "it could not be checked" };
  }
  return { ok: true, verified: result.found };
}

/** Process ids that hold `path` open (read from /proc; empty where it cannot be read). */
export function processesWithOpen(path: string): number[] {
  const target = resolve(path);
  const pids: number[] = [];
  let entries: string[];
  try {
    entries = readdirSync("/proc");
  } catch {
    return [];
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const link = readlinkSync(`/proc/${entry}/fd/${fd}`);
        if (link === target || link === `${target}-wal` || link === `${target}-shm`) {
          pids.push(Number(entry));
          break;
        }
      } catch {
        // The descriptor closed meanwhile.
      }
    }
  }
  return pids;
}

/** A short account of a verified copy: "store S1, 120 events, journal verified". */
export function describeVerified(v: Verified): string {
  if (v.mode === "store") return `store ${v.storeId}, integrity and journal of ${v.events} events verified`;
  return `${v.mode === "hq" ? "head office" : "till"} database, integrity verified`;
}
