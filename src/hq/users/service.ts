/**
 * Users and their roles, managed at head office and pushed to the stores they work at. PINs
 * are hashed with Bun.password (argon2id); the hash travels only to the stores the user works
 * at (distribution.ts). A PIN is unique among active users, found by an HMAC tag keyed with
 * `pin.key` (pins.ts). Only admins manage users here, so a PIN in use is named as such.
 */
import { asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { hqUsers, stores } from "../../../schema/hq.ts";
import type { HqUser, UserInput, UserUpdate } from "../../api/hq/users.ts";
import type { CatalogChange } from "../../core/catalog-changes.ts";
import { uuidv7 } from "../../core/ids.ts";
import { publishCommitted } from "../catalog/service.ts";
import type { HqContext, HqTx } from "../context.ts";
import { PinTakenError, UnknownStoreError, UnknownUserError } from "../errors.ts";
import { requireKnownRole } from "../roles/service.ts";
import { recordUserForStores, storeIdsOf } from "./distribution.ts";
import { hqPinTag, PIN_HASH_OPTIONS, pinHeldByAnother } from "./pins.ts";

type UserRow = typeof hqUsers.$inferSelect;

const pinSharedEntrySchema = z.object({ refId: z.string() });

export interface PinConflict {
  userId: string;
  name: string;
  storeId: string;
  /** When the store found it. */
  at: string;
  message: string;
}

function toUser(row: UserRow): HqUser {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    storeIds: storeIdsOf(row),
    active: row.active,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export class UsersService {
  constructor(private readonly ctx: HqContext) {}

  list(): HqUser[] {
    return this.ctx.db.select().from(hqUsers).orderBy(asc(hqUsers.name)).all().map(toUser);
  }

  /**
   * Users whose PIN a store refused because one of its own users has it (head office cannot
   * see stores' PINs: the store finds it at a log-in and journals it as `catalog.change_skipped`
   * with code PIN_SHARED). Reported until the user's PIN is changed here; a store-side change of
   * the other user's PIN also resolves it, which head office does not see.
   */
  pinConflicts(): PinConflict[] {
    const rows = this.ctx.sqlite
      .query<{ storeId: string; at: string; payload: string }, []>(
        `SELECT store_id AS storeId, at, payload FROM ingested_events
         WHERE type = 'audit.recorded' AND json_extract(payload, '$.action') = 'catalog.change_skipped'
           AND json_extract(payload, '$.detail') LIKE '%"PIN_SHARED"%'
         ORDER BY at`,
      )
      .all();
    const byId = new Map(
      this.ctx.db
        .select()
        .from(hqUsers)
        .all()
        .map((u) => [u.id, u] as const),
    );
    const found = new Map<string, PinConflict>();
    for (const row of rows) {
      const parsed = pinSharedEntrySchema.safeParse(JSON.parse(row.payload));
      if (!parsed.success) continue;
      const user = byId.get(parsed.data.refId);
      if (!user?.active || row.at < user.updatedAt) continue;
      found.set(`${user.id} ${row.storeId}`, {
        userId: user.id,
        name: user.name,
        storeId: row.storeId,
        at: row.at,
        message: `${user.name}'s PIN is also the PIN of a user of store ${row.storeId}: give ${user.name} a new PIN (PUT /users/${user.id}), or the store's user one at the store`,
      });
    }
    return [...found.values()];
  }

  async create(input: UserInput): Promise<HqUser> {
    const now = this.ctx.now();
    const at = now.toISOString();
    // Hash outside the transaction: it takes tens of milliseconds on purpose.
    await this.requirePinFree(input.pin, null);
    const pinHash = await Bun.password.hash(input.pin, PIN_HASH_OPTIONS);
    const pinTag = hqPinTag(this.ctx.pinKey, input.pin);
    const { row, change } = this.ctx.db.transaction((tx) => {
      this.checkStores(tx, input.storeIds ?? null);
      requireKnownRole(tx, input.role);
      this.requireTagFree(tx, pinTag, null);
      const inserted = tx
        .insert(hqUsers)
        .values({
          id: uuidv7(now.getTime()),
          name: input.name,
          role: input.role,
          pinHash,
          pinTag,
          storeIds: input.storeIds ? JSON.stringify([...new Set(input.storeIds)]) : null,
          active: input.active ?? true,
          createdAt: at,
          updatedAt: at,
        })
        .returning()
        .get();
      return { row: inserted, change: this.record(tx, inserted, now) };
    });
    publishCommitted(this.ctx, change);
    return toUser(row);
  }

  async update(id: string, input: UserUpdate): Promise<HqUser> {
    const now = this.ctx.now();
    if (input.pin !== undefined) await this.requirePinFree(input.pin, id);
    const pinHash =
      input.pin === undefined ? undefined : await Bun.password.hash(input.pin, PIN_HASH_OPTIONS);
    const newTag = input.pin === undefined ? undefined : hqPinTag(this.ctx.pinKey, input.pin);
    const { row, change } = this.ctx.db.transaction((tx) => {
      const existing = tx.select().from(hqUsers).where(eq(hqUsers.id, id)).get();
      if (!existing) throw new UnknownUserError(id);
      if (input.storeIds !== undefined) this.checkStores(tx, input.storeIds);
      if (input.role !== undefined) requireKnownRole(tx, input.role);
      const active = input.active ?? existing.active;
      const pinTag = newTag ?? existing.pinTag;
      if (active && (newTag !== undefined || !existing.active)) this.requireTagFree(tx, pinTag, id);
      const set = {
        name: input.name ?? existing.name,
        role: input.role ?? existing.role,
        pinHash: pinHash ?? existing.pinHash,
        pinTag,
        storeIds:
          input.storeIds === undefined
            ? existing.storeIds
            : input.storeIds === null
              ? null
              : JSON.stringify([...new Set(input.storeIds)]),
        active,
        updatedAt: now.toISOString(),
      };
      const updated = tx.update(hqUsers).set(set).where(eq(hqUsers.id, id)).returning().get();
      return { row: updated, change: this.record(tx, updated, now) };
    });
    publishCommitted(this.ctx, change);
    return toUser(row);
  }

  private record(tx: HqTx, row: UserRow, at: Date): CatalogChange[] {
    return recordUserForStores(tx, row, at);
  }

  private checkStores(tx: HqTx, storeIds: readonly string[] | null): void {
    if (storeIds === null) return;
    const known = new Set(
      tx
        .select({ id: stores.storeId })
        .from(stores)
        .where(inArray(stores.storeId, [...storeIds]))
        .all()
        .map((s) => s.id),
    );
    const missing = storeIds.find((s) => !known.has(s));
    if (missing !== undefined) throw new UnknownStoreError(missing);
  }

  /** Refuses a PIN another active user has (pending users' hashes are checked too). */
  private async requirePinFree(pin: string, exceptId: string | null): Promise<void> {
    if (await pinHeldByAnother(this.ctx.db, this.ctx.pinKey, pin, exceptId)) throw new PinTakenError();
  }

  /** The same check by tag inside the write, so two changes at once cannot both take a PIN. */
  private requireTagFree(tx: HqTx, tag: string, exceptId: string | null): void {
    if (tag.startsWith("pending:")) return;
    const clash = tx
      .select({ id: hqUsers.id, active: hqUsers.active })
      .from(hqUsers)
      .where(eq(hqUsers.pinTag, tag))
      .all()
      .some((u) => u.active && u.id !== exceptId);
    if (clash) throw new PinTakenError();
  }
}
