/**
 * PINs at rest. Each user's PIN is kept only as an argon2id hash (Bun.password, parameters in
 * `PIN_HASH_OPTIONS`) and a tag: HMAC-SHA-256 of the PIN under the store's PIN key, which lives
 * in `pin.key` beside the database (mode 0600), never in it. Log-in finds the user by the tag,
 * then checks the hash. A copy of the database alone holds nothing that checks a guess faster
 * than one argon2id hash.
 *
 * A user whose tag is not known under the current key (from head office, which sends the hash
 * only, or from a store whose tags were keyed with a secret kept in its database) is tagged
 * `pending:<id>`: their PIN is checked against the hash (at most `MAX_PENDING_CHECKS` such
 * users per attempt) and the tag written at their next log-in or PIN change.
 */
import { createHmac } from "node:crypto";
import { join } from "node:path";
import { and, asc, eq, like, notLike } from "drizzle-orm";
import { meta, pinAttempts, users } from "../../../schema/store.ts";
import { loadOrCreateKeyFile } from "../../shared/key-file.ts";
import type { StoreContext, StoreDb, StoreTx } from "../context.ts";

/**
 * OWASP's argon2id profile (19 MiB of memory, 2 passes, 1 lane): a noticeable fraction of a
 * second's CPU per hash on a small shop PC, so each guess against a stolen hash costs as much.
 */
export const PIN_HASH_OPTIONS = { algorithm: "argon2id", memoryCost: 19_456, timeCost: 2 } as const;

/** The file beside `store.db` that holds the PIN key. */
export const PIN_KEY_FILE = "pin.key";

/** The tag of a user whose PIN is checked by its hash until they next log in. */
export const PENDING_TAG_PREFIX = "pending:";

/** The tag of a user head office sent without a PIN hash (they do not work at this store). */
export const NO_PIN_TAG_PREFIX = "none:";

/**
 * Users without a tag whose hashes one attempt checks (in id order). Bounds the work a wrong PIN
 * causes while users are pending; a user beyond it logs in once a manager sets their PIN again.
 */
export const MAX_PENDING_CHECKS = 64;

/** Where an older store kept its PIN-tag secret: in the database beside the tags. */
const LEGACY_SECRET_KEY = "pin_secret";

export type UserRow = typeof users.$inferSelect;

export function hashPin(pin: string): string {
  return Bun.password.hashSync(pin, PIN_HASH_OPTIONS);
}

export function hashPinAsync(pin: string): Promise<string> {
  return Bun.password.hash(pin, PIN_HASH_OPTIONS);
}

export function pendingTag(userId: string): string {
  return `${PENDING_TAG_PREFIX}${userId}`;
}

export function pinTag(key: Uint8Array, pin: string): string {
  return createHmac("sha256", key).update(pin).digest("hex");
}

export function loadPinKey(dataDir: string): Buffer {
  return loadOrCreateKeyFile(join(dataDir, PIN_KEY_FILE));
}

/**
 * Retires the secret an older store kept in its database: every tag made with it is replaced by
 * `pending:<id>` and the secret deleted (the database overwrites deleted rows). Counts of wrong
 * PINs kept under the older keys (a bare till id, "" or "*") are dropped. Answers how many
 * users became pending.
 */
export function retireLegacyPinSecret(db: StoreDb): number {
  return db.transaction((tx) => {
    // Keys of this version all hold a colon (`till:`, `anon:`, `user:`).
    tx.delete(pinAttempts).where(notLike(pinAttempts.tillId, "%:%")).run();
    const legacy = tx.select().from(meta).where(eq(meta.key, LEGACY_SECRET_KEY)).get();
    const all = tx.select({ id: users.id, pinTag: users.pinTag }).from(users).all();
    let pending = 0;
    for (const u of all) {
      // Older stores tagged head office's users `hq:<id>` until their first log-in.
      const stale = legacy !== undefined || u.pinTag.startsWith("hq:");
      if (!stale || u.pinTag.startsWith(PENDING_TAG_PREFIX) || u.pinTag.startsWith(NO_PIN_TAG_PREFIX))
        continue;
      tx.update(users)
        .set({ pinTag: pendingTag(u.id) })
        .where(eq(users.id, u.id))
        .run();
      pending += 1;
    }
    if (legacy) tx.delete(meta).where(eq(meta.key, LEGACY_SECRET_KEY)).run();
    return pending;
  });
}

async function verifyHash(pin: string, hash: string): Promise<boolean> {
  try {
    return await Bun.password.verify(pin, hash);
  } catch {
    // Not a hash Bun.password knows: no PIN matches it.
    return false;
  }
}

function verifyHashSync(pin: string, hash: string): boolean {
  try {
    return Bun.password.verifySync(pin, hash);
  } catch {
    return false;
  }
}

export interface PinMatch {
  user: UserRow;
  /** The tag to write: the user was pending, or their tag was made under another key. */
  retag: string | null;
  /**
   * A pending user (from head office, not yet logged in here) whose hash takes the same PIN:
   * head office cannot see this store's PINs, so two users may share one. Log-in refuses it.
   */
  sharedWith?: UserRow;
}

/**
 * Pairs (tagged user, pending user with that hash) found not to share a PIN, per store context:
 * a tagged user's log-in checks each pending user's hash once per run, not at every log-in.
 */
const checkedPairs = new WeakMap<StoreContext, Set<string>>();

function candidates(db: StoreDb | StoreTx, tag: string): { tagged: UserRow[]; pending: UserRow[] } {
  const tagged = db
    .select()
    .from(users)
    .where(and(eq(users.pinTag, tag), eq(users.active, true)))
    .all();
  const pending = db
    .select()
    .from(users)
    .where(and(like(users.pinTag, `${PENDING_TAG_PREFIX}%`), eq(users.active, true)))
    .orderBy(asc(users.id))
    .limit(MAX_PENDING_CHECKS)
    .all();
  return { tagged, pending };
}

/**
 * The active user whose PIN is `pin`, checking the hashes off the event loop (Bun.password's
 * own threads). A wrong PIN that matches no tag costs no hash unless users are pending.
 */
export async function findUserByPin(ctx: StoreContext, pin: string): Promise<PinMatch | null> {
  const tag = pinTag(ctx.pinKey, pin);
  const { tagged, pending } = candidates(ctx.db, tag);
  for (const user of tagged) {
    if (!(await verifyHash(pin, user.pinHash))) continue;
    const checked = checkedPairs.get(ctx) ?? new Set<string>();
    checkedPairs.set(ctx, checked);
    const unchecked = pending.filter(
      (p) => p.id !== user.id && !checked.has(`${user.id} ${p.id} ${p.pinHash}`),
    );
    const shared = await Promise.all(unchecked.map((p) => verifyHash(pin, p.pinHash)));
    const sharedWith = unchecked[shared.indexOf(true)];
    if (sharedWith) return { user, retag: null, sharedWith };
    for (const p of unchecked) checked.add(`${user.id} ${p.id} ${p.pinHash}`);
    return { user, retag: null };
  }
  const checks = await Promise.all(pending.map((u) => verifyHash(pin, u.pinHash)));
  const index = checks.indexOf(true);
  const user = index >= 0 ? pending[index] : undefined;
  return user ? { user, retag: tag } : null;
}

/** `findUserByPin` inside a caller's transaction (supervisor approvals inside a sale). */
export function findUserByPinSync(ctx: StoreContext, db: StoreDb | StoreTx, pin: string): PinMatch | null {
  const tag = pinTag(ctx.pinKey, pin);
  const { tagged, pending } = candidates(db, tag);
  const byTag = tagged.find((u) => verifyHashSync(pin, u.pinHash));
  if (byTag) {
    const checked = checkedPairs.get(ctx) ?? new Set<string>();
    checkedPairs.set(ctx, checked);
    const unchecked = pending.filter(
      (p) => p.id !== byTag.id && !checked.has(`${byTag.id} ${p.id} ${p.pinHash}`),
    );
    const sharedWith = unchecked.find((p) => verifyHashSync(pin, p.pinHash));
    if (sharedWith) return { user: byTag, retag: null, sharedWith };
    for (const p of unchecked) checked.add(`${byTag.id} ${p.id} ${p.pinHash}`);
    return { user: byTag, retag: null };
  }
  const user = pending.find((u) => verifyHashSync(pin, u.pinHash));
  return user ? { user, retag: tag } : null;
}

/** Writes a pending user's tag once their PIN has proved itself. */
export function writeTag(tx: StoreTx, match: PinMatch): void {
  if (match.retag === null) return;
  tx.update(users).set({ pinTag: match.retag }).where(eq(users.id, match.user.id)).run();
}

/**
 * Another active user (not `exceptUserId`) who already has `pin`: by tag, and among pending
 * users by their hash (bounded like log-in).
 */
export async function userHoldingPin(
  ctx: StoreContext,
  pin: string,
  exceptUserId: string | null,
): Promise<UserRow | null> {
  const match = await findUserByPin(ctx, pin);
  if (!match || match.user.id === exceptUserId) return null;
  return match.user;
}
