/**
 * PINs: hashed with Bun.password (argon2id), found by an HMAC tag keyed with a store secret,
 * and guarded by two lock-outs. Per till: after `pinMaxAttempts` wrong PINs within
 * `pinLockoutSeconds` the till's PIN entry is locked for `pinLockoutSeconds` (a right PIN too).
 * Store-wide: after `STORE_WIDE_ATTEMPTS_FACTOR × pinMaxAttempts` wrong PINs across all tills
 * within the same window, PIN entry at every till is locked for as long, so guesses spread
 * over made-up till ids are stopped too. A manager may lift either early (`lockouts.ts`).
 */
import { createHmac } from "node:crypto";
import { and, eq, isNull, like, lt, lte, or } from "drizzle-orm";
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

/**
 * The key of the store-wide count of wrong PINs, across every till. Never a till id: till ids
 * are letters, digits and underscores.
 */
export const STORE_WIDE_KEY = "*";

/**
 * Wrong PINs across all tills, as a multiple of `pinMaxAttempts`, that lock PIN entry at every
 * till unless the store sets `pinStoreMaxAttempts`. A till locks itself after `pinMaxAttempts`, so one cashier mistyping adds at most that
 * many per window; guesses spread over made-up till ids add up here instead.
 */
export const STORE_WIDE_ATTEMPTS_FACTOR = 4;

export type PinLockScope = "till" | "store";

export function storeWideMaxAttempts(settings: StoreContext["settings"]): number {
  return settings.pinStoreMaxAttempts ?? settings.pinMaxAttempts * STORE_WIDE_ATTEMPTS_FACTOR;
}

function lockedError(
  ctx: StoreContext,
  scope: PinLockScope,
  tillId: string | null,
  lockedUntil: string,
  now: Date,
): HttpError {
  const secondsLeft = Math.ceil((Date.parse(lockedUntil) - now.getTime()) / 1000);
  const message =
    scope === "store"
      ? `PIN entry is locked at every till after ${storeWideMaxAttempts(ctx.settings)} wrong PINs across the store's tills; try again in ${secondsLeft} seconds or ask a manager to unlock it`
      : `PIN entry${tillId ? ` on till ${tillId}` : ""} is locked after ${ctx.settings.pinMaxAttempts} wrong PINs; try again in ${secondsLeft} seconds or ask a manager`;
  return new HttpError("forbidden", "PIN_LOCKED", message, { tillId, scope, secondsLeft, lockedUntil });
}

/** The lock on a key that is still in force at `now`, if any. */
function activeLock(tx: StoreTx, key: string, now: Date): string | null {
  const row = tx.select().from(pinAttempts).where(eq(pinAttempts.tillId, key)).get();
  if (!row?.lockedUntil) return null;
  return Date.parse(row.lockedUntil) > now.getTime() ? row.lockedUntil : null;
}

/** Throws PIN_LOCKED while PIN entry is locked store-wide or on the till. Writes nothing. */
export function assertPinEntryOpen(ctx: StoreContext, tx: StoreTx, tillId: string | null, now: Date): void {
  const store = activeLock(tx, STORE_WIDE_KEY, now);
  if (store) throw lockedError(ctx, "store", tillId, store, now);
  const till = activeLock(tx, tillKey(tillId), now);
  if (till) throw lockedError(ctx, "till", tillId, till, now);
}

export interface PinFailure {
  /** Wrong PINs left before the till, or the whole store, locks (the fewer of the two). */
  attemptsLeft: number;
  lockedUntil: string | null;
  /** What this failure locked, if it locked anything (the store-wide lock wins). */
  scope: PinLockScope | null;
}

interface Count {
  failures: number;
  lockedUntil: string | null;
}

/** Adds one failure to a key's count, starting afresh after its window or an earlier lock. */
function countFailure(tx: StoreTx, key: string, maxAttempts: number, seconds: number, now: Date): Count {
  const windowMs = seconds * 1000;
  const row = tx.select().from(pinAttempts).where(eq(pinAttempts.tillId, key)).get();
  const fresh = !row || row.lockedUntil !== null || now.getTime() - Date.parse(row.firstFailedAt) > windowMs;
  const failures = fresh ? 1 : row.failures + 1;
  const firstFailedAt = fresh ? now.toISOString() : row.firstFailedAt;
  const lockedUntil = failures >= maxAttempts ? new Date(now.getTime() + windowMs).toISOString() : null;
  tx.insert(pinAttempts)
    .values({ tillId: key, failures, firstFailedAt, lockedUntil })
    .onConflictDoUpdate({ target: pinAttempts.tillId, set: { failures, firstFailedAt, lockedUntil } })
    .run();
  return { failures, lockedUntil };
}

/**
 * Forgets counts whose window has passed and locks that have expired, so guesses at made-up
 * till ids leave no rows behind once they no longer matter.
 */
function pruneExpired(tx: StoreTx, seconds: number, now: Date): void {
  const windowStart = new Date(now.getTime() - seconds * 1000).toISOString();
  tx.delete(pinAttempts)
    .where(
      or(
        and(isNull(pinAttempts.lockedUntil), lt(pinAttempts.firstFailedAt, windowStart)),
        lte(pinAttempts.lockedUntil, now.toISOString()),
      ),
    )
    .run();
}

/**
 * Counts a wrong PIN at a till and store-wide (audit `pin.failed`, and `pin.locked` for each
 * lock it sets).
 */
export function notePinFailure(
  ctx: StoreContext,
  tx: StoreTx,
  tillId: string | null,
  now: Date,
  detail: { purpose: string; reason?: string; userId?: string | null },
): PinFailure {
  const { pinMaxAttempts, pinLockoutSeconds } = ctx.settings;
  const storeMax = storeWideMaxAttempts(ctx.settings);
  pruneExpired(tx, pinLockoutSeconds, now);
  const till = countFailure(tx, tillKey(tillId), pinMaxAttempts, pinLockoutSeconds, now);
  const store = countFailure(tx, STORE_WIDE_KEY, storeMax, pinLockoutSeconds, now);
  const auditDetail: Record<string, unknown> = {
    purpose: detail.purpose,
    failures: till.failures,
    storeFailures: store.failures,
  };
  if (detail.reason) auditDetail.reason = detail.reason;
  recordAudit(
    ctx,
    tx,
    { action: AUDIT_ACTIONS.pinFailed, at: now, userId: detail.userId ?? null, tillId, detail: auditDetail },
    true,
  );
  if (till.lockedUntil) {
    recordAudit(
      ctx,
      tx,
      {
        action: AUDIT_ACTIONS.pinLocked,
        at: now,
        tillId,
        detail: {
          scope: "till",
          lockedUntil: till.lockedUntil,
          seconds: pinLockoutSeconds,
          failures: till.failures,
        },
      },
      true,
    );
  }
  if (store.lockedUntil) {
    recordAudit(
      ctx,
      tx,
      {
        action: AUDIT_ACTIONS.pinLocked,
        at: now,
        tillId: null,
        detail: {
          scope: "store",
          lockedUntil: store.lockedUntil,
          seconds: pinLockoutSeconds,
          failures: store.failures,
          lastTillId: tillId,
        },
      },
      true,
    );
  }
  return {
    attemptsLeft: Math.max(0, Math.min(pinMaxAttempts - till.failures, storeMax - store.failures)),
    lockedUntil: store.lockedUntil ?? till.lockedUntil,
    scope: store.lockedUntil ? "store" : till.lockedUntil ? "till" : null,
  };
}

/** A right PIN clears the till's count; the store-wide count only runs out with its window. */
export function clearPinFailures(tx: StoreTx, tillId: string | null): void {
  tx.delete(pinAttempts)
    .where(eq(pinAttempts.tillId, tillKey(tillId)))
    .run();
}

export function wrongPinError(ctx: StoreContext, tillId: string | null, failure: PinFailure): HttpError {
  const where = tillId ? ` on till ${tillId}` : "";
  const message =
    failure.scope === "store"
      ? `wrong PIN: too many wrong PINs across the store's tills; PIN entry at every till is now locked for ${ctx.settings.pinLockoutSeconds} seconds`
      : failure.lockedUntil
        ? `wrong PIN: PIN entry${where} is now locked for ${ctx.settings.pinLockoutSeconds} seconds`
        : `wrong PIN: ${failure.attemptsLeft} attempt${failure.attemptsLeft === 1 ? "" : "s"} left before PIN entry${where} is locked`;
  const details: Record<string, unknown> = {
    tillId,
    attemptsLeft: failure.attemptsLeft,
    lockedUntil: failure.lockedUntil,
  };
  if (failure.scope) details.scope = failure.scope;
  return new HttpError("unauthorized", "WRONG_PIN", message, details);
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
