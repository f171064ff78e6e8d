/**
 * Every transaction on the store's database, guarded in one place: a disk that is full (or
 * failing to write) ends it with the STORAGE_FULL domain error instead of SQLite's own. The
 * transaction is rolled back whole before the error leaves (bun:sqlite rolls back what SQLite
 * has not already), so a refused request leaves no row and no journal event behind, and the
 * WAL holds only committed transactions. Space freed, the next write simply succeeds.
 */
import { guardStorage } from "../../shared/storage-errors.ts";
import type { StoreDb } from "../context.ts";

export { isStorageFailure, StorageError } from "../../shared/storage-errors.ts";

/** Makes `db.transaction` throw STORAGE_FULL for a full disk (nested savepoints end in it too). */
export function guardTransactions(db: StoreDb): StoreDb {
  const transaction = db.transaction.bind(db);
  const guarded: StoreDb["transaction"] = (run, config) => guardStorage(() => transaction(run, config));
  db.transaction = guarded;
  return db;
}
