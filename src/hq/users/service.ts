/**
 * Users and their roles, managed at head office and pushed to the stores they work at. PINs
 * are hashed with Bun.password (argon2id); the hash travels to the stores so a cashier logs
 * in anywhere with one PIN. A PIN is unique among active users, found by an HMAC tag.
 */
import { createHmac } from "node:crypto";
import { and, asc, eq, inArray, ne } from "drizzle-orm";
import { hqMeta, hqUsers, stores } from "../../../schema/hq.ts";
import { ALL_STORES, type CatalogChange } from "../../core/catalog-changes.ts";
import { uuidv7 } from "../../core/ids.ts";
import { recordChange } from "../catalog/change-log.ts";
import { publishCommitted } from "../catalog/service.ts";
import type { HqContext, HqTx } from "../context.ts";
import { PinTakenError, UnknownStoreError, UnknownUserError } from "../errors.ts";
import type { HqUser, UserInput, UserUpdate } from "./model.ts";

const PIN_SECRET_KEY = "pin_secret";
/** OWASP's argon2id profile, as the store uses. */
const HASH_OPTIONS = { algorithm: "argon2id", memoryCost: 19_456, timeCost: 2 } as const;

type UserRow = typeof hqUsers.$inferSelect;

function pinSecret(tx: HqTx): string {
  const found = tx.select({ value: hqMeta.value }).from(hqMeta).where(eq(hqMeta.key, PIN_SECRET_KEY)).get();
  if (found) return found.value;
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  const value = Buffer.from(bytes).toString("hex");
  tx.insert(hqMeta).values({ key: PIN_SECRET_KEY, value }).run();
  return value;
}

function storeIdsOf(row: UserRow): string[] | null {
  if (row.storeIds === null) return null;
  const parsed: unknown = JSON.parse(row.storeIds);
  return Array.isArray(parsed) ? parsed.filter((s): s is string => typeof s === "string") : null;
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

  create(input: UserInput): HqUser {
    const now = this.ctx.now();
    const at = now.toISOString();
    // Hash outside the transaction: it takes tens of milliseconds on purpose.
    const pinHash = Bun.password.hashSync(input.pin, HASH_OPTIONS);
    const { row, change } = this.ctx.db.transaction((tx) => {
      this.checkStores(tx, input.storeIds ?? null);
      const pinTag = this.freePinTag(tx, input.pin, null);
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
    publishCommitted(this.ctx, [change]);
    return toUser(row);
  }

  update(id: string, input: UserUpdate): HqUser {
    const now = this.ctx.now();
    const pinHash = input.pin === undefined ? undefined : Bun.password.hashSync(input.pin, HASH_OPTIONS);
    const { row, change } = this.ctx.db.transaction((tx) => {
      const existing = tx.select().from(hqUsers).where(eq(hqUsers.id, id)).get();
      if (!existing) throw new UnknownUserError(id);
      if (input.storeIds !== undefined) this.checkStores(tx, input.storeIds);
      const active = input.active ?? existing.active;
      let pinTag = existing.pinTag;
      if (input.pin !== undefined) pinTag = this.freePinTag(tx, input.pin, id);
      else if (active && !existing.active) this.requirePinFree(tx, existing.pinTag, id);
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
    publishCommitted(this.ctx, [change]);
    return toUser(row);
  }

  private record(tx: HqTx, row: UserRow, at: Date): CatalogChange {
    return recordChange(
      tx,
      {
        storeId: ALL_STORES,
        kind: "user",
        key: row.id,
        value: {
          userId: row.id,
          name: row.name,
          role: row.role,
          pinHash: row.pinHash,
          storeIds: storeIdsOf(row),
          active: row.active,
        },
      },
      at,
    );
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

  /** The PIN's tag, after checking no other active user has the PIN. */
  private freePinTag(tx: HqTx, pin: string, exceptId: string | null): string {
    const tag = createHmac("sha256", pinSecret(tx)).update(pin).digest("hex");
    this.requirePinFree(tx, tag, exceptId);
    return tag;
  }

  private requirePinFree(tx: HqTx, tag: string, exceptId: string | null): void {
    const where = and(eq(hqUsers.pinTag, tag), eq(hqUsers.active, true));
    const clash = tx
      .select({ id: hqUsers.id })
      .from(hqUsers)
      .where(exceptId === null ? where : and(where, ne(hqUsers.id, exceptId)))
      .get();
    if (clash) throw new PinTakenError();
  }
}
