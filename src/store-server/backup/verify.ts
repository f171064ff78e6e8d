/**
 * What makes a copy of a store's database good: SQLite's integrity check and the journal's
 * hash chain from the first event to the last.
 */
import type { Database } from "bun:sqlite";
import type { ExtraCheck } from "../../shared/backup.ts";
import { verifyJournal } from "../journal/verify.ts";

/** The `meta` key under which a store records its id (a copy's journal is verified with it). */
export const STORE_ID_META_KEY = "storeId";

/** The store id a database recorded, when it did (stores from before it was recorded did not). */
export function recordedStoreId(db: Database): string | null {
  try {
    return (
      db.query<{ value: string }, [string]>("SELECT value FROM meta WHERE key = ?1").get(STORE_ID_META_KEY)
        ?.value ?? null
    );
  } catch {
    return null;
  }
}

/** Checks the journal's chain of a copy; the store id is the one given, else the one recorded. */
export function journalChainCheck(storeId?: string): ExtraCheck {
  return (db) => {
    const id = storeId ?? recordedStoreId(db);
    if (id === null) {
      return "the database does not say which store it belongs to, so its journal cannot be checked: give --store-id";
    }
    const result = verifyJournal(db, id);
    if (result.ok) return null;
    return `the journal's hash chain does not verify for store ${id}: ${result.problem?.message ?? "unknown problem"}`;
  };
}
