/**
 * Deferred writes for code that runs on either database: on PostgreSQL, `run` inside a
 * transaction in `fn` does not wait for the server (see database.ts); on SQLite, where a
 * statement is a function call, `fn` just runs.
 */
import { PgDatabase, PostgresError } from "./database.ts";

export function deferringWrites<R>(db: unknown, fn: () => R): R {
  return db instanceof PgDatabase ? db.deferringWrites(fn) : fn();
}

/** A write that failed and was reported later, where the caller next waited for the server. */
export function isDeferredWriteFailure(err: unknown): boolean {
  return err instanceof PostgresError && err.deferred;
}
