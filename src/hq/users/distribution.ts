/**
 * Where a user's PIN hash goes: only to the stores the user works at, each in an entry of that
 * store's own (`storeId` = the store), which only that store may read over NATS. Every other
 * registered store gets the user without a hash (`pinHash: null`, not active there). Head
 * office's HTTP feed never carries hashes (`withoutPinHashes`): a store token cannot read them.
 */
import { eq } from "drizzle-orm";
import { catalogChanges, hqUsers, stores } from "../../../schema/hq.ts";
import { ALL_STORES, type CatalogChange, userActiveAt } from "../../core/catalog-changes.ts";
import { recordChange } from "../catalog/change-log.ts";
import type { HqDb, HqTx } from "../context.ts";

type UserRow = typeof hqUsers.$inferSelect;

export function storeIdsOf(row: UserRow): string[] | null {
  if (row.storeIds === null) return null;
  const parsed: unknown = JSON.parse(row.storeIds);
  return Array.isArray(parsed) ? parsed.filter((s): s is string => typeof s === "string") : null;
}

/** Records the user for each store (all registered ones unless `only` is given). */
export function recordUserForStores(
  tx: HqTx,
  row: UserRow,
  at: Date,
  only?: readonly string[],
): CatalogChange[] {
  const targets =
    only ??
    tx
      .select({ id: stores.storeId })
      .from(stores)
      .all()
      .map((s) => s.id);
  const base = {
    userId: row.id,
    name: row.name,
    role: row.role,
    storeIds: storeIdsOf(row),
    active: row.active,
  };
  return targets.map((storeId) => {
    const worksHere = userActiveAt({ ...base, pinHash: null }, storeId);
    return recordChange(
      tx,
      { storeId, kind: "user", key: row.id, value: { ...base, pinHash: worksHere ? row.pinHash : null } },
      at,
    );
  });
}

/** Every user, for a store registered just now. */
export function recordUsersForStore(tx: HqTx, storeId: string, at: Date): CatalogChange[] {
  return tx
    .select()
    .from(hqUsers)
    .all()
    .flatMap((row) => recordUserForStores(tx, row, at, [storeId]));
}

/**
 * Older versions sent every user, with their hash, to every store (`storeId` `*`): those
 * entries are replaced by one per store. Answers whether anything was moved.
 */
export function moveUsersToStoreEntries(db: HqDb, at: Date): boolean {
  return db.transaction((tx) => {
    const old = tx
      .select({ seq: catalogChanges.seq, storeId: catalogChanges.storeId, kind: catalogChanges.kind })
      .from(catalogChanges)
      .where(eq(catalogChanges.kind, "user"))
      .all()
      .filter((c) => c.storeId === ALL_STORES);
    if (old.length === 0) return false;
    for (const c of old) tx.delete(catalogChanges).where(eq(catalogChanges.seq, c.seq)).run();
    for (const row of tx.select().from(hqUsers).all()) recordUserForStores(tx, row, at);
    return true;
  });
}

/** A change as the HTTP feed answers it: a user without their PIN hash. */
export function withoutPinHashes(change: CatalogChange): CatalogChange {
  return change.kind === "user" ? { ...change, value: { ...change.value, pinHash: null } } : change;
}
