/**
 * The change log stores replicate from (table `catalog_changes`): compacted like a key/value
 * bucket, one entry per (storeId, kind, key) holding the latest value under a chain-wide seq
 * that only grows (SQLite AUTOINCREMENT, so a seq is never reused). Writers call
 * `recordChange` inside their transaction; readers ask for everything after a seq, or for a
 * store's snapshot (all its current entries).
 */
import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";
import { catalogChanges } from "../../../schema/hq.ts";
import {
  ALL_STORES,
  type CatalogChange,
  type ChangeKind,
  catalogChangeSchema,
} from "../../core/catalog-changes.ts";
import { InvalidInputError } from "../../core/errors.ts";
import type { HqDb, HqTx } from "../context.ts";

export interface NewChange {
  /** `*` for every store, or the one store the entry is for. */
  storeId: string;
  kind: ChangeKind;
  key: string;
  value: unknown;
}

/**
 * Records the latest value of a key inside the caller's transaction, replacing the previous
 * entry of the same key, and answers the entry with its new seq. The value is checked against
 * its kind's schema: a bad value is a bug here, never sent down.
 */
export function recordChange(tx: HqTx, change: NewChange, at: Date): CatalogChange {
  const checked = checkedChange(change, at);
  tx.delete(catalogChanges)
    .where(
      and(
        eq(catalogChanges.storeId, change.storeId),
        eq(catalogChanges.kind, change.kind),
        eq(catalogChanges.key, change.key),
      ),
    )
    .run();
  const row = tx
    .insert(catalogChanges)
    .values({
      storeId: change.storeId,
      kind: change.kind,
      key: change.key,
      value: JSON.stringify(checked.value),
      at: checked.at,
    })
    .returning({ seq: catalogChanges.seq })
    .get();
  return { ...checked, seq: row.seq };
}

/**
 * A new entry checked against its kind's schema (seq 1 until it is written): a bad value is a bug
 * here, never sent down. For writers that record entries with their own prepared statements.
 */
export function checkedChange(change: NewChange, at: Date): CatalogChange {
  const checked = catalogChangeSchema.safeParse({ seq: 1, ...change, at: at.toISOString() });
  if (!checked.success) {
    throw new InvalidInputError(
      "INVALID_CHANGE",
      `the ${change.kind} change of ${change.key} does not fit its schema`,
      checked.error.issues,
    );
  }
  return checked.data;
}

type ChangeRow = typeof catalogChanges.$inferSelect;

function toChange(row: ChangeRow): CatalogChange {
  return catalogChangeSchema.parse({
    seq: row.seq,
    storeId: row.storeId,
    kind: row.kind,
    key: row.key,
    value: JSON.parse(row.value),
    at: row.at,
  });
}

export interface ChangesQuery {
  /** Only the entries for `*` and this store; every entry when absent. */
  storeId?: string;
  /** At most this many entries (default: all). */
  limit?: number;
}

/** Entries with a seq above `afterSeq`, ascending: what a reader has not seen yet. */
export function changesAfter(db: HqDb | HqTx, afterSeq: number, query: ChangesQuery = {}): CatalogChange[] {
  const where =
    query.storeId === undefined
      ? gt(catalogChanges.seq, afterSeq)
      : and(gt(catalogChanges.seq, afterSeq), inArray(catalogChanges.storeId, [ALL_STORES, query.storeId]));
  const base = db.select().from(catalogChanges).where(where).orderBy(asc(catalogChanges.seq));
  const rows = query.limit === undefined ? base.all() : base.limit(query.limit).all();
  return rows.map(toChange);
}

/** The highest seq ever given out (0 before the first change). */
export function lastChangeSeq(db: HqDb | HqTx): number {
  const [row] = db.all<{ seq: number }>(sql`SELECT seq FROM sqlite_sequence WHERE name = 'catalog_changes'`);
  return row?.seq ?? 0;
}

export interface Snapshot {
  /** Resume with "after this seq" once the snapshot is applied. */
  seq: number;
  changes: CatalogChange[];
}

/** Everything a store needs now: its current entries, and the seq to resume after. */
export function snapshotFor(db: HqDb, storeId: string): Snapshot {
  return db.transaction((tx) => ({
    seq: lastChangeSeq(tx),
    changes: changesAfter(tx, 0, { storeId }),
  }));
}
