/**
 * Replication's own bookkeeping in the store database, kept in the `meta` key/value table:
 * the published pointer of the outbox relay and the positions of the downstream catalog
 * consumers. Each is a plain SQLite row, so it survives a kill -9 like everything else.
 */
import type { Database } from "bun:sqlite";

export const POINTER_KEYS = {
  /** Highest journal sequence JetStream acknowledged (the relay resumes after it). */
  published: "replication.published",
  /** Creation time of the catalog stream the positions below refer to. */
  catalogEpoch: "replication.catalog.epoch",
  /** Last catalog stream sequence applied, per consumer. */
  catalogAll: "replication.catalog.all",
  catalogOwn: "replication.catalog.own",
  /** Highest HQ change-log seq applied. */
  catalogSeq: "replication.catalog.seq",
  /** Store settings last received from HQ (JSON). */
  settings: "replication.settings",
} as const;

export type PointerKey = (typeof POINTER_KEYS)[keyof typeof POINTER_KEYS];

export class Pointers {
  readonly #get;
  readonly #set;

  constructor(sqlite: Database) {
    this.#get = sqlite.query<{ value: string }, [string]>("SELECT value FROM meta WHERE key = ?1");
    this.#set = sqlite.query<unknown, [string, string]>(
      "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
    );
  }

  text(key: PointerKey): string | null {
    return this.#get.get(key)?.value ?? null;
  }

  number(key: PointerKey): number {
    const n = Number(this.text(key) ?? 0);
    return Number.isSafeInteger(n) && n >= 0 ? n : 0;
  }

  /** Writes inside the caller's transaction when there is one. */
  set(key: PointerKey, value: string | number): void {
    this.#set.run(key, String(value));
  }
}
