/**
 * A disk that cannot take a write: SQLite's "database or disk is full" (`SQLITE_FULL`) and the
 * write and sync failures of a disk out of space, turned into one domain error. Thrown where a
 * server writes (its transactions), mapped to 507 Insufficient Storage by the one error handler;
 * the transaction it ended was rolled back whole, so nothing of the request was recorded.
 */
import { featureErrors } from "../core/errors.ts";

export class StorageError extends featureErrors({
  STORAGE_FULL: "storage_full",
}) {}

/** What the caller is told: nothing was recorded, and what to do. */
export const STORAGE_FULL_MESSAGE =
  "the server could not write to its disk (full, or failing): nothing was recorded; free space on the disk that holds the data directory, then send it again";

const STORAGE_FAILURE_CODES = new Set([
  "SQLITE_FULL",
  "SQLITE_IOERR",
  "SQLITE_IOERR_WRITE",
  "SQLITE_IOERR_FSYNC",
  "SQLITE_IOERR_TRUNCATE",
]);

/**
 * SQLite's error for a disk that is full (or failing to write), as bun:sqlite throws it, or
 * wrapped by the query builder (its `cause`).
 */
export function isStorageFailure(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    if (current instanceof StorageError) return true;
    const code = "code" in current ? current.code : undefined;
    if (typeof code === "string" && STORAGE_FAILURE_CODES.has(code)) return true;
    current = current.cause;
  }
  return false;
}

/** The STORAGE_FULL domain error for a storage failure; any other error as it is. */
export function storageErrorOf(error: unknown): unknown {
  if (error instanceof StorageError || !isStorageFailure(error)) return error;
  const full = new StorageError("STORAGE_FULL", STORAGE_FULL_MESSAGE);
  // SQLite's own words, for the log (the caller is told what to do, not SQLite's message).
  full.cause = error;
  return full;
}

/** Runs a write; a storage failure comes out as the STORAGE_FULL domain error. */
export function guardStorage<T>(write: () => T): T {
  try {
    return write();
  } catch (error) {
    throw storageErrorOf(error);
  }
}
