/**
 * Wrong PINs and how they are limited, with exponential back-off. Who typed a PIN decides
 * where it is counted:
 * - **A till that showed its token** (a till token, or a session of that till; an admin token
 *   too) counts under `till:<id>`: after `pinMaxAttempts` wrong PINs it is locked for
 *   `pinLockoutSeconds`, and each wrong PIN after a lock doubles the next lock (up to a day). A
 *   right PIN clears the count. Nobody else's failures count here, so a stranger cannot lock a
 *   paired till out.
 * - **Anyone without a token** counts under `anon:<id>` (the till named, same back-off) and
 *   store-wide under `anon:*`: after `pinStoreMaxAttempts` anonymous wrong PINs (default
 *   4 × `pinMaxAttempts`) every anonymous attempt is refused (429 `PIN_RATE_LIMITED`) with the
 *   same back-off, and `pin.attack_suspected` is audited. Tills with a token are not limited.
 * - **PINs chosen for a user and refused** (another user has it) count under `user:<id>` of who
 *   chose them, so the refusal cannot be used to list the PINs in use.
 * A count is forgotten once its key has seen no failure for `pinLockoutSeconds` after its lock.
 */
import { and, eq, isNull, lt, lte, or, sql } from "drizzle-orm";
import { pinAttempts } from "../../../schema/store.ts";
import type { StoreSettings } from "../../core/settings.ts";
import { AUDIT_ACTIONS } from "../audit/actions.ts";
import { recordAudit } from "../audit/service.ts";
import type { Principal } from "../auth/tokens.ts";
import type { StoreContext, StoreDb, StoreTx } from "../context.ts";
import { UserError } from "./errors.ts";

/** The longest any lock lasts, however many failures came before it. */
export const MAX_LOCK_SECONDS = 86_400;

/** Anonymous wrong PINs store-wide, as a multiple of `pinMaxAttempts`, unless the store sets `pinStoreMaxAttempts`. */
export const STORE_WIDE_ATTEMPTS_FACTOR = 4;

/** The store-wide key of anonymous attempts. Never a till id (letters, digits, underscores). */
export const ANONYMOUS_STORE_KEY = "anon:*";

/** Where a PIN was typed: at a till that showed its token, or by anyone without one. */
export interface PinGate {
  tillId: string;
  anonymous: boolean;
}

export type PinLockScope = "till" | "anonymous" | "store" | "user";

export function deviceKey(tillId: string): string {
  return `till:${tillId}`;
}
export function anonymousKey(tillId: string): string {
  return `anon:${tillId}`;
}
export function userKey(userId: string): string {
  return `user:${userId}`;
}

/** The scope and till or user of a stored key. */
export function describeKey(key: string): {
  scope: PinLockScope;
  tillId: string | null;
  userId: string | null;
} {
  if (key === ANONYMOUS_STORE_KEY) return { scope: "store", tillId: null, userId: null };
  const [prefix, rest = ""] = [key.slice(0, key.indexOf(":")), key.slice(key.indexOf(":") + 1)];
  if (prefix === "user") return { scope: "user", tillId: null, userId: rest };
  return { scope: prefix === "anon" ? "anonymous" : "till", tillId: rest === "" ? null : rest, userId: null };
}

/**
 * A log-in's gate: a till token or session of this till, or an admin token, proves the till;
 * anything else (no token, or one of another till) is anonymous.
 */
export function gateFor(principal: Principal | null, tillId: string): PinGate {
  const proven = principal !== null && (principal.kind === "admin" || principal.tillId === tillId);
  return { tillId, anonymous: !proven };
}

export function storeWideMaxAttempts(settings: StoreSettings): number {
  return settings.pinStoreMaxAttempts ?? settings.pinMaxAttempts * STORE_WIDE_ATTEMPTS_FACTOR;
}

/** Seconds of the lock set by the `failures`-th wrong PIN: none before `max`, then doubling. */
export function lockSecondsFor(failures: number, max: number, baseSeconds: number): number {
  if (failures < max) return 0;
  return Math.min(MAX_LOCK_SECONDS, baseSeconds * 2 ** Math.min(failures - max, 20));
}

type AttemptRow = typeof pinAttempts.$inferSelect;

function lastActivityMs(row: AttemptRow): number {
  const last = Date.parse(row.lastFailedAt ?? row.firstFailedAt);
  return row.lockedUntil ? Math.max(last, Date.parse(row.lockedUntil)) : last;
}

/** The lock on a key that is still in force at `now`, if any. */
function activeLock(db: StoreDb | StoreTx, key: string, now: Date): string | null {
  const row = db.select().from(pinAttempts).where(eq(pinAttempts.tillId, key)).get();
  if (!row?.lockedUntil) return null;
  return Date.parse(row.lockedUntil) > now.getTime() ? row.lockedUntil : null;
}

function secondsUntil(lockedUntil: string, now: Date): number {
  return Math.ceil((Date.parse(lockedUntil) - now.getTime()) / 1000);
}

function lockedError(gate: PinGate, scope: PinLockScope, lockedUntil: string, now: Date): UserError {
  const secondsLeft = secondsUntil(lockedUntil, now);
  const details = { tillId: gate.tillId, scope, secondsLeft, lockedUntil };
  if (scope === "store") {
    return new UserError(
      "PIN_RATE_LIMITED",
      `too many wrong PINs came from tills that showed no till token; PIN entry without one is paused for ${secondsLeft} seconds. Tills that log in with their till or session token are not affected: pair this till, or ask a manager`,
      details,
    );
  }
  return new UserError(
    "PIN_LOCKED",
    `PIN entry on till ${gate.tillId}${scope === "anonymous" ? " without its token" : ""} is locked after too many wrong PINs; try again in ${secondsLeft} seconds or ask a manager to unlock it`,
    details,
  );
}

/** Throws PIN_LOCKED or PIN_RATE_LIMITED while the gate is closed. Writes nothing. */
export function assertPinEntryOpen(db: StoreDb | StoreTx, gate: PinGate, now: Date): void {
  if (gate.anonymous) {
    const store = activeLock(db, ANONYMOUS_STORE_KEY, now);
    if (store) throw lockedError(gate, "store", store, now);
    const till = activeLock(db, anonymousKey(gate.tillId), now);
    if (till) throw lockedError(gate, "anonymous", till, now);
    return;
  }
  const till = activeLock(db, deviceKey(gate.tillId), now);
  if (till) throw lockedError(gate, "till", till, now);
}

interface Count {
  failures: number;
  lockedUntil: string | null;
  lockSeconds: number;
}

/** Adds one failure to a key's count, starting afresh once the key has been quiet for the window. */
function countFailure(tx: StoreTx, key: string, max: number, settings: StoreSettings, now: Date): Count {
  const windowMs = settings.pinLockoutSeconds * 1000;
  const row = tx.select().from(pinAttempts).where(eq(pinAttempts.tillId, key)).get();
  const fresh = !row || now.getTime() - lastActivityMs(row) > windowMs;
  const failures = fresh ? 1 : row.failures + 1;
  const firstFailedAt = fresh ? now.toISOString() : row.firstFailedAt;
  const lockSeconds = lockSecondsFor(failures, max, settings.pinLockoutSeconds);
  const lockedUntil = lockSeconds > 0 ? new Date(now.getTime() + lockSeconds * 1000).toISOString() : null;
  const lastFailedAt = now.toISOString();
  tx.insert(pinAttempts)
    .values({ tillId: key, failures, firstFailedAt, lastFailedAt, lockedUntil })
    .onConflictDoUpdate({
      target: pinAttempts.tillId,
      set: { failures, firstFailedAt, lastFailedAt, lockedUntil },
    })
    .run();
  return { failures, lockedUntil, lockSeconds };
}

/** Forgets counts that have been quiet for the window and whose lock has run out. */
function pruneQuiet(tx: StoreTx, seconds: number, now: Date): void {
  const quietSince = new Date(now.getTime() - seconds * 1000).toISOString();
  const last = sql`coalesce(${pinAttempts.lastFailedAt}, ${pinAttempts.firstFailedAt})`;
  tx.delete(pinAttempts)
    .where(
      and(
        lt(last, quietSince),
        or(isNull(pinAttempts.lockedUntil), lte(pinAttempts.lockedUntil, quietSince)),
      ),
    )
    .run();
}

export interface PinFailure {
  /** Wrong PINs left before the next lock (the fewest of the keys counted). */
  attemptsLeft: number;
  lockedUntil: string | null;
  /** What this failure locked, if anything (the store-wide limit wins). */
  scope: PinLockScope | null;
}

function auditLock(
  ctx: StoreContext,
  tx: StoreTx,
  now: Date,
  scope: PinLockScope,
  tillId: string | null,
  count: Count,
  extra: Record<string, unknown> = {},
): void {
  recordAudit(
    ctx,
    tx,
    {
      action: AUDIT_ACTIONS.pinLocked,
      at: now,
      tillId,
      detail: {
        scope,
        lockedUntil: count.lockedUntil,
        seconds: count.lockSeconds,
        failures: count.failures,
        ...extra,
      },
    },
    true,
  );
}

/** Counts a wrong PIN where the gate says (audit `pin.failed`, and each lock it sets). */
export function notePinFailure(
  ctx: StoreContext,
  tx: StoreTx,
  gate: PinGate,
  now: Date,
  detail: { purpose: string; reason?: string; userId?: string | null },
): PinFailure {
  const { pinMaxAttempts, pinLockoutSeconds } = ctx.settings;
  pruneQuiet(tx, pinLockoutSeconds, now);
  const tillKey = gate.anonymous ? anonymousKey(gate.tillId) : deviceKey(gate.tillId);
  const till = countFailure(tx, tillKey, pinMaxAttempts, ctx.settings, now);
  const storeMax = storeWideMaxAttempts(ctx.settings);
  const store = gate.anonymous ? countFailure(tx, ANONYMOUS_STORE_KEY, storeMax, ctx.settings, now) : null;
  const auditDetail: Record<string, unknown> = {
    purpose: detail.purpose,
    anonymous: gate.anonymous,
    failures: till.failures,
  };
  if (store) auditDetail.storeFailures = store.failures;
  if (detail.reason) auditDetail.reason = detail.reason;
  recordAudit(
    ctx,
    tx,
    {
      action: AUDIT_ACTIONS.pinFailed,
      at: now,
      userId: detail.userId ?? null,
      tillId: gate.tillId,
      detail: auditDetail,
    },
    true,
  );
  const tillScope: PinLockScope = gate.anonymous ? "anonymous" : "till";
  if (till.lockedUntil) auditLock(ctx, tx, now, tillScope, gate.tillId, till);
  if (store?.lockedUntil) {
    auditLock(ctx, tx, now, "store", null, store, { lastTillId: gate.tillId });
    recordAudit(
      ctx,
      tx,
      {
        action: AUDIT_ACTIONS.pinAttackSuspected,
        at: now,
        tillId: null,
        detail: {
          anonymousFailures: store.failures,
          limit: storeMax,
          pausedSeconds: store.lockSeconds,
          lockedUntil: store.lockedUntil,
          lastTillId: gate.tillId,
        },
      },
      true,
    );
  }
  const left = (count: Count, max: number) => (count.lockedUntil ? 0 : Math.max(0, max - count.failures));
  return {
    attemptsLeft: Math.min(
      left(till, pinMaxAttempts),
      store ? left(store, storeMax) : Number.MAX_SAFE_INTEGER,
    ),
    lockedUntil: store?.lockedUntil ?? till.lockedUntil,
    scope: store?.lockedUntil ? "store" : till.lockedUntil ? tillScope : null,
  };
}

/** A right PIN clears its till's count; the anonymous store-wide count runs out on its own. */
export function clearPinFailures(tx: StoreTx, gate: PinGate): void {
  const key = gate.anonymous ? anonymousKey(gate.tillId) : deviceKey(gate.tillId);
  tx.delete(pinAttempts).where(eq(pinAttempts.tillId, key)).run();
}

export function wrongPinError(ctx: StoreContext, gate: PinGate, failure: PinFailure): UserError {
  const where = ` on till ${gate.tillId}`;
  const seconds = failure.lockedUntil ? secondsUntil(failure.lockedUntil, ctx.now()) : 0;
  const message =
    failure.scope === "store"
      ? `wrong PIN: too many wrong PINs from tills without a till token; PIN entry without one is paused for ${seconds} seconds`
      : failure.lockedUntil
        ? `wrong PIN: PIN entry${where} is now locked for ${seconds} seconds`
        : `wrong PIN: ${failure.attemptsLeft} attempt${failure.attemptsLeft === 1 ? "" : "s"} left before PIN entry${where} is locked`;
  const details: Record<string, unknown> = {
    tillId: gate.tillId,
    attemptsLeft: failure.attemptsLeft,
    lockedUntil: failure.lockedUntil,
  };
  if (failure.scope) details.scope = failure.scope;
  return new UserError("WRONG_PIN", message, details);
}

/** Throws PIN_CHOICE_LOCKED while a user may not choose PINs (too many were refused). */
export function assertPinChoiceOpen(db: StoreDb | StoreTx, userId: string, now: Date): void {
  const lockedUntil = activeLock(db, userKey(userId), now);
  if (!lockedUntil) return;
  const secondsLeft = secondsUntil(lockedUntil, now);
  throw new UserError(
    "PIN_CHOICE_LOCKED",
    `too many PINs you chose were refused; you may set PINs again in ${secondsLeft} seconds, or ask an admin`,
    { scope: "user", secondsLeft, lockedUntil },
  );
}

/** Counts a refused PIN choice against who chose it (audit `pin.refused`). */
export function notePinChoiceRefused(
  ctx: StoreContext,
  tx: StoreTx,
  userId: string,
  now: Date,
  forUser: string | null,
): Count {
  pruneQuiet(tx, ctx.settings.pinLockoutSeconds, now);
  const count = countFailure(tx, userKey(userId), ctx.settings.pinMaxAttempts, ctx.settings, now);
  recordAudit(
    ctx,
    tx,
    {
      action: AUDIT_ACTIONS.pinRefused,
      at: now,
      userId,
      refId: forUser,
      detail: { failures: count.failures, lockedUntil: count.lockedUntil },
    },
    true,
  );
  if (count.lockedUntil) auditLock(ctx, tx, now, "user", null, count, { userId });
  return count;
}
