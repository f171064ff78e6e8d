/**
 * PIN lock-outs in force, and a manager's early unlock. Unlocking clears the lock and its
 * failure count, is audited (`pin.unlocked`, journaled) and names who did it.
 */
import { asc, eq, gt } from "drizzle-orm";
import { pinAttempts } from "../../../schema/store.ts";
import { AUDIT_ACTIONS } from "../audit/actions.ts";
import { recordAudit } from "../audit/service.ts";
import type { Principal } from "../auth/tokens.ts";
import type { StoreContext, StoreTx } from "../context.ts";
import { HttpError } from "../http/errors.ts";
import { actorId } from "./access.ts";
import type { PinLockout, PinUnlockRequest } from "./model.ts";
import { STORE_WIDE_KEY, tillKey } from "./pins.ts";

type AttemptRow = typeof pinAttempts.$inferSelect;

function toLockout(row: AttemptRow & { lockedUntil: string }, now: Date): PinLockout {
  const store = row.tillId === STORE_WIDE_KEY;
  return {
    scope: store ? "store" : "till",
    tillId: store || row.tillId === "" ? null : row.tillId,
    failures: row.failures,
    lockedUntil: row.lockedUntil,
    secondsLeft: Math.ceil((Date.parse(row.lockedUntil) - now.getTime()) / 1000),
  };
}

function lockedRow(row: AttemptRow | undefined, now: Date): (AttemptRow & { lockedUntil: string }) | null {
  if (!row?.lockedUntil || Date.parse(row.lockedUntil) <= now.getTime()) return null;
  return { ...row, lockedUntil: row.lockedUntil };
}

/** Lock-outs in force now: the store-wide one first, then tills by id. */
export function listPinLockouts(ctx: StoreContext): PinLockout[] {
  const now = ctx.now();
  return ctx.db
    .select()
    .from(pinAttempts)
    .where(gt(pinAttempts.lockedUntil, now.toISOString()))
    .orderBy(asc(pinAttempts.tillId))
    .all()
    .flatMap((row) => {
      const locked = lockedRow(row, now);
      return locked ? [toLockout(locked, now)] : [];
    });
}

function findLock(tx: StoreTx, key: string, now: Date) {
  return lockedRow(tx.select().from(pinAttempts).where(eq(pinAttempts.tillId, key)).get(), now);
}

/**
 * Lifts the named lock-outs at once (all or nothing). Answers 404 NOT_LOCKED, changing nothing,
 * when one of them is not in force.
 */
export function unlockPinEntry(
  ctx: StoreContext,
  request: PinUnlockRequest,
  principal: Principal,
): { unlocked: PinLockout[] } {
  const now = ctx.now();
  const keys = [
    ...(request.storeWide ? [STORE_WIDE_KEY] : []),
    ...(request.tillId !== undefined ? [tillKey(request.tillId)] : []),
  ];
  return ctx.db.transaction((tx) => {
    const unlocked: PinLockout[] = [];
    for (const key of keys) {
      const row = findLock(tx, key, now);
      if (!row) {
        const what =
          key === STORE_WIDE_KEY ? "PIN entry is not locked store-wide" : `till ${key} is not locked out`;
        throw new HttpError(
          "not_found",
          "NOT_LOCKED",
          `${what}: nothing to unlock (the lock-out may have expired); GET /api/v1/pin-lockouts lists the lock-outs in force`,
          { scope: key === STORE_WIDE_KEY ? "store" : "till", tillId: key === STORE_WIDE_KEY ? null : key },
        );
      }
      unlocked.push(toLockout(row, now));
    }
    for (const lock of unlocked) {
      const key = lock.scope === "store" ? STORE_WIDE_KEY : tillKey(lock.tillId);
      tx.delete(pinAttempts).where(eq(pinAttempts.tillId, key)).run();
      recordAudit(
        ctx,
        tx,
        {
          action: AUDIT_ACTIONS.pinUnlocked,
          at: now,
          userId: actorId(principal),
          tillId: lock.tillId,
          detail: {
            scope: lock.scope,
            lockedUntil: lock.lockedUntil,
            failures: lock.failures,
            secondsLeft: lock.secondsLeft,
          },
        },
        true,
      );
    }
    return { unlocked };
  });
}
