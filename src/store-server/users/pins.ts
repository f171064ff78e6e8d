/**
 * PINs: hashed with Bun.password (argon2id), found by an HMAC tag keyed with a store secret,
 * and guarded by a lock-out per till: after `pinMaxAttempts` wrong PINs within
 * `pinLockoutSeconds` the till's PIN entry is locked for `pinLockoutSeconds` (a right PIN too).
 */
import { createHmac } from "node:crypto";
import { and, eq, like } from "drizzle-orm";
import { meta, pinAttempts, users } from "../../../schema/store.ts";
import { AUDIT_ACTIONS } from "../audit/actions.ts";
import { recordAudit } from "../audit/service.ts";
import type { StoreContext, StoreDb, StoreTx } from "../context.ts";
import { HttpError } from "../http/errors.ts";

const PIN_SECRET_KEY = "pin_secret";
/** OWASP's argon2id profile: about 50 ms per check on a small shop PC. */
const HASH_OPTIONS = { algorithm: "argon2id", memoryCost: 19_456, timeCost: 2 } as const;

export function hashPin(pin: string): string {
  return Bun.password.hashSync(pin, HASH_OPTIONS);
}

/** The store's PIN-tag secret, made on first use. */
export function pinSecret(db: StoreDb | StoreTx): string {
  const found = db.select({ value: meta.value }).from(meta).where(eq(meta.key, PIN_SECRET_KEY)).get();
  if (found) return found.value;
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  db.insert(meta)
    .values({ key: PIN_SECRET_KEY, value: Buffer.from(bytes).toString("hex") })
    .onConflictDoNothing()
    .run();
  const made = db.select({ value: meta.value }).from(meta).where(eq(meta.key, PIN_SECRET_KEY)).get();
  if (!made) throw new Error("the PIN secret could not be stored");
  return made.value;
}

export function pinTag(secret: string, pin: string): string {
  return createHmac("sha256", secret).update(pin).digest("hex");
}

export type UserRow = typeof users.$inferSelect;

/** Active users whose PIN is `pin` (at most one: PINs are unique among active users). */
export function findActiveUserByPin(db: StoreDb | StoreTx, pin: string): UserRow | null {
  const tag = pinTag(pinSecret(db), pin);
  const candidates = db
    .select()
    .from(users)
    .where(and(eq(users.pinTag, tag), eq(users.active, true)))
    .all();
  const byTag = candidates.find((u) => Bun.password.verifySync(pin, u.pinHash));
  if (byTag) return byTag;
  // Users pushed from head office arrive with their PIN hash only (tag "hq:<id>"): the store
  // learns their tag at their first log-in here.
  const untagged = db
    .select()
    .from(users)
    .where(and(like(users.pinTag, "hq:%"), eq(users.active, true)))
    .all();
  const match = untagged.find((u) => Bun.password.verifySync(pin, u.pinHash));
  if (!match) return null;
  db.update(users).set({ pinTag: tag }).where(eq(users.id, match.id)).run();
  return { ...match, pinTag: tag };
}

/** The key PIN failures are counted under: the till, or "" when the caller named none. */
export function tillKey(tillId: string | null | undefined): string {
  return tillId ?? "";
}

/** Throws PIN_LOCKED while the till's PIN entry is locked. Writes nothing. */
export function assertPinEntryOpen(ctx: StoreContext, tx: StoreTx, tillId: string | null, now: Date): void {
  const row = tx
    .select()
    .from(pinAttempts)
    .where(eq(pinAttempts.tillId, tillKey(tillId)))
    .get();
  if (!row?.lockedUntil) return;
  const leftMs = Date.parse(row.lockedUntil) - now.getTime();
  if (leftMs <= 0) return;
  const secondsLeft = Math.ceil(leftMs / 1000);
  throw new HttpError(
    "forbidden",
    "PIN_LOCKED",
    `PIN entry${tillId ? ` on till ${tillId}` : ""} is locked after ${ctx.settings.pinMaxAttempts} wrong PINs; try again in ${secondsLeft} seconds or ask a manager`,
    { tillId, secondsLeft, lockedUntil: row.lockedUntil },
  );
}

export interface PinFailure {
  attemptsLeft: number;
  lockedUntil: string | null;
}

/** Counts a wrong PIN at a till (audit `pin.failed`, and `pin.locked` when it locks). */
export function notePinFailure(
  ctx: StoreContext,
  tx: StoreTx,
  tillId: string | null,
  now: Date,
  detail: { purpose: string; reason?: string; userId?: string | null },
): PinFailure {
  const { pinMaxAttempts, pinLockoutSeconds } = ctx.settings;
  const key = tillKey(tillId);
  const windowMs = pinLockoutSeconds * 1000;
  const row = tx.select().from(pinAttempts).where(eq(pinAttempts.tillId, key)).get();
  const fresh = !row || row.lockedUntil !== null || now.getTime() - Date.parse(row.firstFailedAt) > windowMs;
  const failures = fresh ? 1 : row.failures + 1;
  const firstFailedAt = fresh ? now.toISOString() : row.firstFailedAt;
  const lockedUntil =
    failures >= pinMaxAttempts ? new Date(now.getTime() + pinLockoutSeconds * 1000).toISOString() : null;
  tx.insert(pinAttempts)
    .values({ tillId: key, failures, firstFailedAt, lockedUntil })
    .onConflictDoUpdate({ target: pinAttempts.tillId, set: { failures, firstFailedAt, lockedUntil } })
    .run();
  const auditDetail: Record<string, unknown> = { purpose: detail.purpose, failures };
  if (detail.reason) auditDetail.reason = detail.reason;
  recordAudit(
    ctx,
    tx,
    { action: AUDIT_ACTIONS.pinFailed, at: now, userId: detail.userId ?? null, tillId, detail: auditDetail },
    true,
  );
  if (lockedUntil) {
    recordAudit(
      ctx,
      tx,
      {
        action: AUDIT_ACTIONS.pinLocked,
        at: now,
        tillId,
        detail: { lockedUntil, seconds: pinLockoutSeconds },
      },
      true,
    );
  }
  return { attemptsLeft: Math.max(0, pinMaxAttempts - failures), lockedUntil };
}

export function clearPinFailures(tx: StoreTx, tillId: string | null): void {
  tx.delete(pinAttempts)
    .where(eq(pinAttempts.tillId, tillKey(tillId)))
    .run();
}

export function wrongPinError(ctx: StoreContext, tillId: string | null, failure: PinFailure): HttpError {
  const where = tillId ? ` on till ${tillId}` : "";
  const message = failure.lockedUntil
    ? `wrong PIN: PIN entry${where} is now locked for ${ctx.settings.pinLockoutSeconds} seconds`
    : `wrong PIN: ${failure.attemptsLeft} attempt${failure.attemptsLeft === 1 ? "" : "s"} left before PIN entry${where} is locked`;
  return new HttpError("unauthorized", "WRONG_PIN", message, {
    tillId,
    attemptsLeft: failure.attemptsLeft,
    lockedUntil: failure.lockedUntil,
  });
}

export type PinCheck = { ok: true; user: UserRow } | { ok: false; error: HttpError };

/**
 * Checks a PIN typed at a till inside `tx`. Throws PIN_LOCKED (writing nothing) while locked;
 * answers the error instead of throwing on a wrong PIN so the caller can commit the failure
 * count before refusing.
 */
export function checkPin(
  ctx: StoreContext,
  tx: StoreTx,
  pin: string,
  tillId: string | null,
  now: Date,
  purpose: string,
): PinCheck {
  assertPinEntryOpen(ctx, tx, tillId, now);
  const user = findActiveUserByPin(tx, pin);
  if (!user)
    return {
      ok: false,
      error: wrongPinError(ctx, tillId, notePinFailure(ctx, tx, tillId, now, { purpose })),
    };
  clearPinFailures(tx, tillId);
  return { ok: true, user };
}
