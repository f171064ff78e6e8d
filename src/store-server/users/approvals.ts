/**
 * Supervisor approvals. Someone whose role holds the action's permission (APPROVAL_PERMISSION:
 * a supervisor, manager or admin, or a custom role with it) types their PIN at the till to
 * approve a cashier's refund, void after total, price override, no-sale, discount or return
 * without a receipt. Wrong PINs count towards the till's PIN lock-out, exactly like log-ins.
 *
 * Two ways to use an approval from another feature:
 *  - `verifyApproval(ctx, undefined, pin, action, {tillId})` before your own transaction, then
 *    write `approvedBy: approver.id` in it. Without a transaction of yours, a wrong PIN is
 *    committed to the lock-out count and the audit log before the error is thrown.
 *    Passing your `tx` writes the approval's audit row atomically with your change, but a wrong
 *    PIN then rolls back with it and does not count towards the lock-out: verify first.
 *  - `consumeApproval(ctx, tx, approvalId, action, …)` inside your transaction, for an
 *    approval the till obtained earlier with `POST /approvals` (single use, short-lived).
 */

import { and, eq, isNull } from "drizzle-orm";
import { approvals, users } from "../../../schema/store.ts";
import { APPROVAL_PERMISSION, mayApprove } from "../../api/store/roles.ts";
import type { ApprovalAction, ApprovalRequest, Approver } from "../../api/store/users.ts";
import type { DomainError } from "../../core/errors.ts";
import { uuidv7 } from "../../core/ids.ts";
import type { Permission } from "../../core/permissions.ts";
import { AUDIT_ACTIONS } from "../audit/actions.ts";
import { recordAudit } from "../audit/service.ts";
import type { StoreContext, StoreTx } from "../context.ts";
import { UserError } from "./errors.ts";
import { assertPinEntryOpen, notePinFailure, type PinGate, wrongPinError } from "./pin-limits.ts";
import { pinShared } from "./pin-shared.ts";
import { findUserByPinSync, writeTag } from "./pins.ts";
import { rightsOfRole, rightsView } from "./rights.ts";

/** How long an approval from `POST /approvals` may wait before it is used. */
export const APPROVAL_TTL_SECONDS = 300;

export interface ApprovalContext {
  tillId?: string | null;
  /** Who asked for the approval (the cashier). */
  requestedBy?: string | null;
  /** The sale, line or document approved. */
  refId?: string | null;
}

export interface ApprovalGrant {
  approvalId: string;
  action: ApprovalAction;
  tillId: string;
  refId: string | null;
  /** The approver, with their role and its rights (the till keeps them for offline approvals). */
  approvedBy: {
    id: string;
    name: string;
    role: string;
    permissions: Permission[];
    maxDiscountPercent: number;
  };
  expiresAt: string;
}

type Verified = { ok: true; approver: Approver } | { ok: false; error: DomainError };

function verifyIn(
  ctx: StoreContext,
  tx: StoreTx,
  pin: string,
  action: ApprovalAction,
  where: ApprovalContext,
  now: Date,
  detail: Record<string, unknown> = {},
): Verified {
  const tillId = where.tillId ?? null;
  // Approvals are asked for with a session or till token: counted as the till's own.
  const gate: PinGate = { tillId: tillId ?? "", anonymous: false };
  assertPinEntryOpen(tx, gate, now);
  const match = findUserByPinSync(ctx, tx, pin);
  if (!match) {
    const failure = notePinFailure(ctx, tx, gate, now, { purpose: `approval:${action}` });
    return { ok: false, error: wrongPinError(ctx, gate, failure) };
  }
  if (match.sharedWith) return { ok: false, error: pinShared(ctx, tx, match, now) };
  writeTag(tx, match);
  const { user } = match;
  if (!mayApprove(rightsOfRole(tx, user.role), action)) {
    const failure = notePinFailure(ctx, tx, gate, now, {
      purpose: `approval:${action}`,
      reason: "not_an_approver",
      userId: user.id,
    });
    const permission = APPROVAL_PERMISSION[action];
    return {
      ok: false,
      error: new UserError(
        "NOT_AN_APPROVER",
        permission === null
          ? `this PIN belongs to a ${user.role}; ${action} needs the PIN of a supervisor, manager or admin`
          : `this PIN belongs to a ${user.role}, whose role has no ${permission} permission; ${action} needs the PIN of someone whose role has it`,
        { tillId, permission, attemptsLeft: failure.attemptsLeft, lockedUntil: failure.lockedUntil },
      ),
    };
  }
  recordAudit(
    ctx,
    tx,
    {
      action: AUDIT_ACTIONS.approvalGranted,
      at: now,
      userId: where.requestedBy ?? null,
      tillId,
      approvedBy: user.id,
      refId: where.refId ?? null,
      detail: { action, ...detail },
    },
    true,
  );
  return { ok: true, approver: { id: user.id, name: user.name, role: user.role } };
}

/** Checks a supervisor PIN for an action and answers the approver; see the module comment. */
export function verifyApproval(
  ctx: StoreContext,
  tx: StoreTx | undefined,
  pin: string,
  action: ApprovalAction,
  where: ApprovalContext = {},
): Approver {
  const now = ctx.now();
  const result = tx
    ? verifyIn(ctx, tx, pin, action, where, now)
    : ctx.db.transaction((own) => verifyIn(ctx, own, pin, action, where, now));
  if (!result.ok) throw result.error;
  return result.approver;
}

/** `POST /approvals`: verifies the PIN and records a single-use approval. */
export function grantApproval(
  ctx: StoreContext,
  request: ApprovalRequest,
  requestedBy: string,
): ApprovalGrant {
  const now = ctx.now();
  const approvalId = uuidv7(now.getTime());
  const expiresAt = new Date(now.getTime() + APPROVAL_TTL_SECONDS * 1000).toISOString();
  const where: ApprovalContext = { tillId: request.tillId, requestedBy, refId: request.refId ?? null };
  const result = ctx.db.transaction((tx) => {
    const verified = verifyIn(ctx, tx, request.pin, request.action, where, now, { approvalId });
    if (!verified.ok) return verified;
    tx.insert(approvals)
      .values({
        id: approvalId,
        action: request.action,
        tillId: request.tillId,
        refId: request.refId ?? null,
        requestedBy,
        approvedBy: verified.approver.id,
        at: now.toISOString(),
        expiresAt,
      })
      .run();
    return verified;
  });
  if (!result.ok) throw result.error;
  return {
    approvalId,
    action: request.action,
    tillId: request.tillId,
    refId: request.refId ?? null,
    approvedBy: {
      id: result.approver.id,
      name: result.approver.name,
      role: result.approver.role,
      ...rightsView(rightsOfRole(ctx.db, result.approver.role)),
    },
    expiresAt,
  };
}

/**
 * Uses an approval granted earlier by `POST /approvals`, inside the caller's transaction: it
 * must be for this action (and till, when given), unused and not expired. Answers the approver.
 */
export function consumeApproval(
  ctx: StoreContext,
  tx: StoreTx,
  approvalId: string,
  action: ApprovalAction,
  use: { tillId?: string | null; usedFor?: string | null } = {},
): Approver & { approvalId: string } {
  const now = ctx.now();
  const row = tx.select().from(approvals).where(eq(approvals.id, approvalId)).get();
  if (!row) {
    throw new UserError("APPROVAL_NOT_FOUND", `no approval has the id ${approvalId}`);
  }
  if (row.action !== action || (use.tillId && row.tillId && row.tillId !== use.tillId)) {
    throw new UserError(
      "APPROVAL_MISMATCH",
      `approval ${approvalId} was given for ${row.action} at till ${row.tillId ?? "-"}, not for ${action}${use.tillId ? ` at till ${use.tillId}` : ""}`,
      { approvedAction: row.action, approvedTillId: row.tillId },
    );
  }
  if (row.usedAt) {
    throw new UserError("APPROVAL_USED", `approval ${approvalId} was already used at ${row.usedAt}`);
  }
  if (Date.parse(row.expiresAt) <= now.getTime()) {
    throw new UserError(
      "APPROVAL_EXPIRED",
      `approval ${approvalId} expired at ${row.expiresAt}; ask the supervisor again`,
    );
  }
  const used = tx
    .update(approvals)
    .set({ usedAt: now.toISOString(), usedFor: use.usedFor ?? null })
    .where(and(eq(approvals.id, approvalId), isNull(approvals.usedAt)))
    .returning({ approvedBy: approvals.approvedBy })
    .get();
  if (!used) throw new UserError("APPROVAL_USED", `approval ${approvalId} was already used`);
  const approver = tx.select().from(users).where(eq(users.id, row.approvedBy)).get();
  if (!approver) throw new UserError("USER_NOT_FOUND", `the approver ${row.approvedBy} is gone`);
  return { approvalId, id: approver.id, name: approver.name, role: approver.role };
}
