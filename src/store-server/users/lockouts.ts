/**
 * PIN lock-outs in force, and a manager's early unlock. Unlocking clears the lock and its
 * failure count, is audited (`pin.unlocked`, journaled) and names who did it.
 */
import { asc, eq, gt } from "drizzle-orm";
import { pinAttempts } from "../../../schema/store.ts";
import type { PinLockout, PinUnlockRequest } from "../../api/store/users.ts";
import { AUDIT_ACTIONS } from "../audit/actions.ts";
import { recordAudit } from "../audit/service.ts";
import type { Principal } from "../auth/tokens.ts";
import type { StoreContext, StoreTx } from "../context.ts";
import { actorId } from "./access.ts";
import { UserError } from "./errors.ts";
import { ANONYMOUS_STORE_KEY, anonymousKey, describeKey, deviceKey } from "./pin-limits.ts";

type AttemptRow = typeof pinAttempts.$inferSelect;
type LockedRow = AttemptRow & { lockedUntil: string };

const SCOPE_ORDER = { store: 0, till: 1, anonymous: 2, user: 3 } as const;

function toLockout(row: LockedRow, now: Date): PinLockout {
  const { scope, tillId, userId } = describeKey(row.tillId);
  return {
    scope,
    tillId,
    userId,
    failures: row.failures,
    lockedUntil: row.lockedUntil,
    secondsLeft: Math.ceil((Date.parse(row.lockedUntil) - now.getTime()) / 1000),
  };
}

function lockedRow(row: AttemptRow | undefined, now: Date): LockedRow | null {
  if (!row?.lockedUntil || Date.parse(row.lockedUntil) <= now.getTime()) return null;
  return { ...row, lockedUntil: row.lockedUntil };
}

/** Lock-outs in force now: the anonymous store-wide one first, then tills, then users. */
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
    })
    .sort((a, b) => SCOPE_ORDER[a.scope] - SCOPE_ORDER[b.scope]);
}

function findLock(tx: StoreTx, key: string, now: Date): LockedRow | null {
  return lockedRow(tx.select().from(pinAttempts).where(eq(pinAttempts.tillId, key)).get(), now);
}

/**
 * Lifts the named lock-outs at once (all or nothing): a till's (with and without its token) and
 * the anonymous store-wide one. Answers 404 NOT_LOCKED, changing nothing, when one named is not
 * in force.
 */
export function unlockPinEntry(
  ctx: StoreContext,
  request: PinUnlockRequest,
  principal: Principal,
): { unlocked: PinLockout[] } {
  const now = ctx.now();
  return ctx.db.transaction((tx) => {
    const rows: LockedRow[] = [];
    if (request.storeWide) {
      const row = findLock(tx, ANONYMOUS_STORE_KEY, now);
      if (!row) {
        throw new UserError(
          "NOT_LOCKED",
          "PIN entry is not paused store-wide: nothing to unlock (the pause may have ended); GET /api/v1/pin-lockouts lists the lock-outs in force",
          { scope: "store", tillId: null },
        );
      }
      rows.push(row);
    }
    if (request.tillId !== undefined) {
      const found = [deviceKey(request.tillId), anonymousKey(request.tillId)].flatMap((key) => {
        const row = findLock(tx, key, now);
        return row ? [row] : [];
      });
      if (found.length === 0) {
        throw new UserError(
          "NOT_LOCKED",
          `till ${request.tillId} is not locked out: nothing to unlock (the lock-out may have expired); GET /api/v1/pin-lockouts lists the lock-outs in force`,
          { scope: "till", tillId: request.tillId },
        );
      }
      rows.push(...found);
    }
    const unlocked = rows.map((row) => toLockout(row, now));
    for (const [i, row] of rows.entries()) {
      const lock = unlocked[i];
      if (!lock) continue;
      tx.delete(pinAttempts).where(eq(pinAttempts.tillId, row.tillId)).run();
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
