/**
 * Head office's PINs at rest, as at a store: an argon2id hash, and a lookup tag (HMAC-SHA-256)
 * keyed with `pin.key` beside `hq.db` (mode 0600), never kept in the database. A user whose tag
 * was made with the secret older versions kept in `hq_meta` is `pending:<id>` until their PIN
 * changes; a new PIN is compared with theirs by hash.
 */
import { createHmac } from "node:crypto";
import { join } from "node:path";
import { and, eq, like, notLike } from "drizzle-orm";
import { hqMeta, hqUsers } from "../../../schema/hq.ts";
import { loadOrCreateKeyFile } from "../../shared/key-file.ts";
import type { HqDb } from "../context.ts";

/** The store's argon2id parameters (see docs/store.md, "PINs at rest"). */
export const PIN_HASH_OPTIONS = { algorithm: "argon2id", memoryCost: 19_456, timeCost: 2 } as const;
export const PIN_KEY_FILE = "pin.key";
export const PENDING_TAG_PREFIX = "pending:";
const LEGACY_SECRET_KEY = "pin_secret";

export function loadHqPinKey(dataDir: string): Buffer {
  return loadOrCreateKeyFile(join(dataDir, PIN_KEY_FILE));
}

export function hqPinTag(key: Uint8Array, pin: string): string {
  return createHmac("sha256", key).update(pin).digest("hex");
}

/** Replaces tags made with the secret kept in the database, and deletes the secret. */
export function retireLegacyHqPinSecret(db: HqDb): void {
  db.transaction((tx) => {
    const legacy = tx.select().from(hqMeta).where(eq(hqMeta.key, LEGACY_SECRET_KEY)).get();
    if (!legacy) return;
    for (const u of tx
      .select({ id: hqUsers.id })
      .from(hqUsers)
      .where(notLike(hqUsers.pinTag, `${PENDING_TAG_PREFIX}%`))
      .all()) {
      tx.update(hqUsers)
        .set({ pinTag: `${PENDING_TAG_PREFIX}${u.id}` })
        .where(eq(hqUsers.id, u.id))
        .run();
    }
    tx.delete(hqMeta).where(eq(hqMeta.key, LEGACY_SECRET_KEY)).run();
  });
}

async function verifies(pin: string, hash: string): Promise<boolean> {
  try {
    return await Bun.password.verify(pin, hash);
  } catch {
    return false;
  }
}

/** Whether an active user other than `exceptId` has `pin`: by tag, and pending users by hash. */
export async function pinHeldByAnother(
  db: HqDb,
  key: Uint8Array,
  pin: string,
  exceptId: string | null,
): Promise<boolean> {
  const tag = hqPinTag(key, pin);
  const byTag = db
    .select({ id: hqUsers.id })
    .from(hqUsers)
    .where(and(eq(hqUsers.pinTag, tag), eq(hqUsers.active, true)))
    .all();
  if (byTag.some((u) => u.id !== exceptId)) return true;
  const pending = db
    .select({ id: hqUsers.id, pinHash: hqUsers.pinHash })
    .from(hqUsers)
    .where(and(like(hqUsers.pinTag, `${PENDING_TAG_PREFIX}%`), eq(hqUsers.active, true)))
    .all()
    .filter((u) => u.id !== exceptId);
  const checks = await Promise.all(pending.map((u) => verifies(pin, u.pinHash)));
  return checks.includes(true);
}
