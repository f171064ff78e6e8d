/**
 * Who made a sale and who approved what in it, from what the store can check: the caller's
 * session, the session proof the sale carries, and approvals the store granted or a till
 * signed with its registered key. Names in a request body are never taken on trust from a
 * till; an admin token (API clients, imports) still names the till and cashier itself.
 */
import { and, eq, isNull, or } from "drizzle-orm";
import { approvals, users } from "../../../schema/store.ts";
import { APPROVAL_PERMISSION, mayApprove } from "../../api/store/roles.ts";
import type { ApprovalAction } from "../../api/store/users.ts";
import type { Principal } from "../auth/tokens.ts";
import type { StoreContext, StoreTx } from "../context.ts";
import { verifyProof } from "../tills/proofs.ts";
import { rightsOfRole } from "../users/rights.ts";
import { SaleError } from "./errors.ts";

export interface SaleIdentity {
  tillId: string;
  cashierId: string | null;
  /** True when the caller is a till (a session or a till token): its approvals must be proven. */
  fromTill: boolean;
}

interface NamedIdentity {
  tillId?: string | undefined;
  cashierId?: string | undefined;
  madeIn?: string | undefined;
}

/** The till and cashier of a sale: the session's, or, with an admin token, the body's. */
export function saleIdentity(ctx: StoreContext, request: NamedIdentity, principal: Principal): SaleIdentity {
  if (principal.kind === "admin") {
    if (!request.tillId) {
      throw new SaleError("TILL_REQUIRED", "tillId is required when a sale is recorded with an admin token");
    }
    return { tillId: request.tillId, cashierId: request.cashierId ?? null, fromTill: false };
  }
  const tillId = principal.tillId;
  if (tillId === null) {
    throw new SaleError("NOT_A_TILL", "this token is not bound to a till; log in at a till with a PIN");
  }
  if (request.tillId !== undefined && request.tillId !== tillId) {
    throw new SaleError(
      "IDENTITY_MISMATCH",
      `this session belongs to till ${tillId}; a sale of till ${request.tillId} can only be sent by that till`,
      { sessionTillId: tillId, tillId: request.tillId },
    );
  }
  let cashierId = principal.userId;
  if (request.madeIn !== undefined) {
    const proof = verifyProof(ctx.db, request.madeIn, "madeIn");
    if (proof.k === "approval" || proof.till !== tillId) {
      throw new SaleError(
        "IDENTITY_MISMATCH",
        `madeIn proves a log-in at till ${proof.till}, not at ${tillId}`,
      );
    }
    cashierId = proof.user;
  }
  if (request.cashierId !== undefined && request.cashierId !== cashierId) {
    throw new SaleError(
      "IDENTITY_MISMATCH",
      `the sale names cashier ${request.cashierId}, but ${cashierId === null ? "no cashier" : `cashier ${cashierId}`} is proven for it; a till sends the session proof it got at log-in (madeIn)`,
      { cashierId: request.cashierId, provenCashierId: cashierId },
    );
  }
  return { tillId, cashierId, fromTill: true };
}

/** The approval an audited action needs proven. */
export const APPROVAL_OF_AUDIT: Record<string, ApprovalAction> = {
  "line.voided": "voidAfterTotal",
  "sale.voided": "voidAfterTotal",
  "price.overridden": "priceOverride",
  "discount.given": "discount",
  "tender.refunded": "refund",
  "expired.sold": "expiredLot",
};

export interface AuditApproval {
  action: string;
  at?: string | undefined;
  approvedBy?: string | null | undefined;
  approval?: { grantId: string } | { signed: string } | undefined;
}

function unproven(message: string, details?: Record<string, unknown>): SaleError {
  return new SaleError("APPROVAL_UNPROVEN", message, details);
}

/**
 * Checks every approval a till's document claims, inside the recording transaction: a grant
 * the store issued (for this till and action, by the named supervisor, not used for another
 * document, and not expired when the action happened), or an approval the till signed with its
 * registered key. Grants are marked used by the document.
 */
export function proveApprovals(
  ctx: StoreContext,
  tx: StoreTx,
  entries: readonly AuditApproval[],
  identity: SaleIdentity,
  documentId: string,
): void {
  if (!identity.fromTill) return;
  entries.forEach((entry, i) => {
    if (entry.approvedBy === undefined || entry.approvedBy === null) return;
    const where = `audit[${i}] (${entry.action})`;
    const action = APPROVAL_OF_AUDIT[entry.action];
    if (action === undefined) throw unproven(`${where}: this action takes no approval`);
    if (entry.approval === undefined) {
      throw unproven(
        `${where}: approved by ${entry.approvedBy} without proof; a supervisor approves at the till with their PIN (POST /approvals), and the till sends the grant's id`,
        { approvedBy: entry.approvedBy },
      );
    }
    const approverId =
      "grantId" in entry.approval
        ? checkGrant(tx, entry.approval.grantId, action, identity, documentId, entry.at, where)
        : checkSigned(ctx, entry.approval.signed, action, identity, where);
    if (approverId !== entry.approvedBy) {
      throw unproven(`${where}: the approval was given by ${approverId}, not ${entry.approvedBy}`, {
        approvedBy: entry.approvedBy,
        provenApprover: approverId,
      });
    }
    const approver = tx.select({ role: users.role }).from(users).where(eq(users.id, approverId)).get();
    if (!approver || !mayApprove(rightsOfRole(tx, approver.role), action)) {
      throw unproven(
        `${where}: ${approverId} is not a user of this store whose role may approve ${action} (${APPROVAL_PERMISSION[action] ?? "supervisor or above"})`,
      );
    }
  });
}

function checkGrant(
  tx: StoreTx,
  grantId: string,
  action: ApprovalAction,
  identity: SaleIdentity,
  documentId: string,
  actedAt: string | undefined,
  where: string,
): string {
  const row = tx.select().from(approvals).where(eq(approvals.id, grantId)).get();
  if (!row) throw unproven(`${where}: no approval was granted with the id ${grantId}`);
  if (row.action !== action || (row.tillId !== null && row.tillId !== identity.tillId)) {
    throw unproven(
      `${where}: approval ${grantId} was given for ${row.action} at till ${row.tillId ?? "-"}, not for ${action} at till ${identity.tillId}`,
    );
  }
  if (row.usedFor !== null && row.usedFor !== documentId) {
    throw unproven(`${where}: approval ${grantId} was already used for ${row.usedFor}`);
  }
  const acted = actedAt ? Date.parse(actedAt) : Date.parse(row.at);
  if (acted > Date.parse(row.expiresAt)) {
    throw unproven(`${where}: approval ${grantId} had expired (${row.expiresAt}) when the action was taken`);
  }
  tx.update(approvals)
    .set({ usedAt: row.usedAt ?? new Date().toISOString(), usedFor: documentId })
    .where(and(eq(approvals.id, grantId), or(isNull(approvals.usedFor), eq(approvals.usedFor, documentId))))
    .run();
  return row.approvedBy;
}

function checkSigned(
  ctx: StoreContext,
  signed: string,
  action: ApprovalAction,
  identity: SaleIdentity,
  where: string,
): string {
  const proof = verifyProof(ctx.db, signed, where);
  if (proof.k !== "approval" || proof.till !== identity.tillId || proof.action !== action) {
    throw unproven(`${where}: the signed approval is not for ${action} at till ${identity.tillId}`);
  }
  return proof.approver;
}
